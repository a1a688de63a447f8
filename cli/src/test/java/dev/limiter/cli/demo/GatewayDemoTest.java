package dev.limiter.cli.demo;

import dev.limiter.backend.Backend;
import dev.limiter.memory.InMemoryBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayDemoTest {

    /** A fast model (10-50 ms), so that one second is enough to exhaust the bursts at every level. */
    private static final DemoSettings ONE_SECOND = new DemoSettings(Duration.ofSeconds(1), 8, 42, 2, "gpt-4o",
            500, 200, 1_500, 10, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(200));

    /** One honest run shared by the tests that only read its report. */
    private DemoReport inMemory;

    @BeforeAll
    void runOnTheInMemoryBackend() throws InterruptedException {
        inMemory = run(InMemoryBackend.create());
    }

    @Test
    void report_inMemoryBackend_everyBoundHoldsAndRejectionsHappen() {
        DemoReport report = inMemory;

        assertThat(report.holds()).as("failures: %s", report.failures()).isTrue();
        assertThat(report.checks()).hasSize(2 * 7);
        assertThat(report.totals().granted()).isPositive();
        assertThat(report.totals().rejected()).isPositive();
    }

    @Test
    void report_inMemoryBackend_parentsAddUpTheirChildren() {
        DemoReport report = inMemory;

        EntityRow org = row(report, "acme");
        EntityRow search = row(report, "search");
        EntityRow ads = row(report, "ads");
        assertThat(org.granted()).isEqualTo(report.totals().granted()).isEqualTo(search.granted() + ads.granted());
        assertThat(search.tokens()).isEqualTo(row(report, "alice").tokens() + row(report, "bob").tokens());
        assertThat(org.tokens()).isEqualTo(search.tokens() + ads.tokens());
    }

    @Test
    void report_backendThatOverAdmits_boundsFail() throws InterruptedException {
        DemoReport report = run(new OverAdmittingBackend());

        assertThat(report.holds()).isFalse();
        assertThat(report.failures()).isNotEmpty()
                .allSatisfy(check -> assertThat(check.consumedTokens()).isGreaterThan((long) check.allowedTokens()));
    }

    private static DemoReport run(Backend backend) throws InterruptedException {
        try (GatewayDemo demo = GatewayDemo.start(backend, ONE_SECOND, InstantSource.system())) {
            while (!demo.awaitDone(Duration.ofSeconds(1))) {
                assertThat(demo.progress().elapsed()).isLessThan(Duration.ofSeconds(30));
            }
            return demo.report();
        }
    }

    private static EntityRow row(DemoReport report, String entity) {
        return report.rows().stream().filter(row -> row.entity().equals(entity)).findFirst().orElseThrow();
    }
}
