package dev.limiter.spring.web;

import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);
    private static final Limit TPM = Limit.perMinute("tpm", 10_000).withBurst(15_000);

    @Test
    void policy_burstAboveRate_windowIsTheTimeToRefillTheBurst() {
        List<LimitStatus> statuses = List.of(status("u1", RPM, 99, Duration.ZERO),
                status("u1", TPM, 14_500, Duration.ZERO));

        assertThat(RateLimitHeaders.policy("u1", statuses)).isEqualTo("\"rpm\";q=100;w=60, \"tpm\";q=15000;w=90");
    }

    @Test
    void limit_rejectedLimit_resetIsTheRetryAfterRoundedUp() {
        List<LimitStatus> statuses = List.of(status("u1", RPM, 0, Duration.ofMillis(1_200)));

        assertThat(RateLimitHeaders.limit("u1", statuses)).isEqualTo("\"rpm\";r=0;t=2");
    }

    @Test
    void limit_bucketInDebt_remainingIsZeroNotNegative() {
        List<LimitStatus> statuses = List.of(status("u1", TPM, -300, Duration.ZERO));

        assertThat(RateLimitHeaders.limit("u1", statuses)).isEqualTo("\"tpm\";r=0;t=1");
    }

    @Test
    void limit_fullBucket_resetIsZero() {
        assertThat(RateLimitHeaders.limit("u1", List.of(status("u1", RPM, 100, Duration.ZERO))))
                .isEqualTo("\"rpm\";r=100;t=0");
    }

    @Test
    void policy_cascadedAncestor_isNamedByAncestorAndLimit() {
        List<LimitStatus> statuses = List.of(status("team", RPM, 5, Duration.ZERO),
                status("org", RPM, 7, Duration.ZERO));

        assertThat(RateLimitHeaders.limit("team", statuses)).isEqualTo("\"rpm\";r=5;t=1, \"org/rpm\";r=7;t=1");
    }

    @Test
    void fields_shadowLimit_isLeftOut() {
        List<LimitStatus> statuses = List.of(status("u1", RPM, 99, Duration.ZERO),
                status("u1", Limit.perMinute("trial", 1).asShadow(), 0, Duration.ofSeconds(60)));

        assertThat(RateLimitHeaders.policy("u1", statuses)).isEqualTo("\"rpm\";q=100;w=60");
        assertThat(RateLimitHeaders.limit("u1", statuses)).isEqualTo("\"rpm\";r=99;t=1");
    }

    @Test
    void policy_noStatuses_isEmpty() {
        assertThat(RateLimitHeaders.policy("u1", List.of())).isEmpty();
    }

    private static LimitStatus status(String entity, Limit limit, long available, Duration retryAfter) {
        return new LimitStatus(entity, "gpt-4", limit, available, 1, retryAfter);
    }
}
