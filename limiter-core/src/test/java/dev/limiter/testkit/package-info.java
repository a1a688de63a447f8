/**
 * The backend contract kit, shipped in limiter-core's test-jar: abstract JUnit 5 test classes, one per area, that
 * any {@link dev.limiter.backend.Backend} must pass. A backend adds one short subclass per area implementing
 * {@link dev.limiter.testkit.BackendContract#newBackend}. Consumers add JUnit Jupiter and AssertJ in test scope.
 *
 * <p>Every test runs in a namespace of its own, so a backend may share one store between tests. Time is a
 * {@link dev.limiter.testkit.ManualClock}; nothing sleeps.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.testkit;
