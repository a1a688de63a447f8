package dev.limiter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building requests: request-level limits, their validation, and what the fast path's plan memo relies on. */
class AcquireRequestTest {

    private static final Limit RPM = Limit.perMinute("rpm", 10);
    private static final Limit TPM = Limit.perMinute("tpm", 1_000);
    private static final AcquireRequest BASE = AcquireRequest.of("u1", "api").consume("rpm", 1);

    @Test
    void withLimits_nameAlreadyGiven_replacesItAndKeepsTheOthersInOrder() {
        Limit fasterRpm = Limit.perMinute("rpm", 20);

        AcquireRequest request = AcquireRequest.of("u1", "api").withLimits(RPM, TPM).withLimits(fasterRpm);

        assertThat(request.limits()).containsExactly(TPM, fasterRpm);
    }

    @Test
    void withLimits_sameNameTwiceInOneCall_keepsTheLater() {
        Limit slower = Limit.of("rpm", 5, 5, Duration.ofMinutes(1));

        AcquireRequest request = AcquireRequest.of("u1", "api").withLimits(RPM, TPM, slower);

        assertThat(request.limits()).containsExactly(TPM, slower);
    }

    @Test
    void buildTwice_sameConstants_equalRequests() {
        AcquireRequest first = AcquireRequest.of("u1", "api").consume("rpm", 1).consume("tpm", 500).withLimits(RPM, TPM);
        AcquireRequest second = AcquireRequest.of("u1", "api").consume("rpm", 1).consume("tpm", 500).withLimits(RPM, TPM);

        assertThat(second).isEqualTo(first).isNotSameAs(first);
        assertThat(((Amounts) second.amounts()).sameAs((Amounts) first.amounts())).isTrue();
    }

    @Test
    void sameAs_sameNamesOtherOrder_isFalse() {
        Amounts ordered = (Amounts) AcquireRequest.of("u1", "api").consume("rpm", 1).consume("tpm", 5).amounts();
        Amounts reversed = (Amounts) AcquireRequest.of("u1", "api").consume("tpm", 5).consume("rpm", 1).amounts();

        assertThat(ordered.sameAs(reversed)).isFalse();
        assertThat(ordered).isEqualTo(reversed); // as maps they are equal; only the plan memo cares about order
    }

    @Test
    void withLimits_nullLimit_throwsIllegalArgumentNamingTheElement() {
        assertThatThrownBy(() -> BASE.withLimits((Limit) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limits[0] must not be null");
    }

    @Test
    void withLimits_nullAmongLimits_namesItsPosition() {
        assertThatThrownBy(() -> BASE.withLimits(Limit.perMinute("rpm", 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limits[1] must not be null");
    }

    @Test
    void withLimits_nullArray_throwsIllegalArgumentNamingTheField() {
        assertThatThrownBy(() -> BASE.withLimits((Limit[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("limits must not be null");
    }

    @Test
    void withLimits_sameNameTwice_keepsTheLastOne() {
        AcquireRequest request = BASE.withLimits(Limit.perMinute("rpm", 1)).withLimits(Limit.perMinute("rpm", 5));

        assertThat(request.limits()).containsExactly(Limit.perMinute("rpm", 5));
    }
}
