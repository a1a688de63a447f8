package dev.limiter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Building requests: request-level limits and their validation. */
class AcquireRequestTest {

    private static final AcquireRequest BASE = AcquireRequest.of("u1", "api").consume("rpm", 1);

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
