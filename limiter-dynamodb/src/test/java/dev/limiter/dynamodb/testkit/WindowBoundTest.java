package dev.limiter.dynamodb.testkit;

import dev.limiter.Limit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The window check itself: it must find a real over-admission and never invent one from recording jitter. */
class WindowBoundTest {

    private static final Limit LIMIT = Limit.perSecond("req", 10).withBurst(5);
    private static final long MS = Duration.ofMillis(1).toNanos();

    @Test
    void violations_grantsPacedExactlyAtTheBound_none() {
        List<Grant> grants = burstThenPaced(5, 20);

        assertThat(new WindowBound(LIMIT, 0).violations(grants)).isEmpty();
    }

    @Test
    void violations_oneTokenBeyondTheBound_reportsTheWindow() {
        List<Grant> grants = burstThenPaced(5, 20);
        grants.add(new Grant("k", 0, 0, 1, false));

        assertThat(new WindowBound(LIMIT, 0).violations(grants)).isNotEmpty()
                .allSatisfy(v -> assertThat(v.granted()).isGreaterThan(v.allowed()));
    }

    @Test
    void violations_excessWithinTheSlack_none() {
        List<Grant> grants = burstThenPaced(5, 20);
        grants.add(new Grant("k", 0, 0, 1, false)); // one token early: 100 ms of slack at 10/s covers it

        assertThat(new WindowBound(LIMIT, 100 * MS).violations(grants)).isEmpty();
    }

    @Test
    void violations_excessOnlyIfIntervalsWereSqueezed_none() {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // six grants, each recorded over [0, 100 ms]: they may have been 10/s apart
            grants.add(new Grant("k", 0, 100 * MS, 1, false));
        }

        assertThat(new WindowBound(LIMIT, 0).violations(grants)).isEmpty();
    }

    @Test
    void violations_amountsCountAsTokens_reportsTheHeavyWindow() {
        List<Grant> grants = List.of(new Grant("k", 0, 0, 3, false), new Grant("k", MS, MS, 3, false));

        assertThat(new WindowBound(LIMIT, 0).violations(grants)).hasSize(1);
    }

    /** {@code burst} grants at 0, then one every 100 ms (the refill of one token) for {@code paced} more. */
    private static List<Grant> burstThenPaced(int burst, int paced) {
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            grants.add(new Grant("k", 0, 0, 1, false));
        }
        for (int i = 1; i <= paced; i++) {
            grants.add(new Grant("k", i * 100 * MS, i * 100 * MS, 1, false));
        }
        return grants;
    }
}
