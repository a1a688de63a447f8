package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs fixture test classes in a nested JUnit engine, as a test JVM would, and checks what they were given.
 * Each nested run has its own root store, so it starts (and must stop) its own endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbEndpointExtensionTest {

    private EngineExecutionResults run;

    @BeforeAll
    void runFixtures() {
        run = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
                .execute();
    }

    @Test
    void resolve_fixtureRun_passesEveryFixtureTest() {
        assertThat(run.testEvents().succeeded().count()).isEqualTo(4);
        assertThat(run.testEvents().failed().count()).isZero();
    }

    @Test
    void resolve_allMethodsOfOneClass_getTheSameTableName() {
        assertThat(entries("first")).hasSize(4).containsOnly(entries("first").get(0));
    }

    @Test
    void resolve_twoClasses_getDifferentTableNames() {
        assertThat(entries("second")).singleElement().isNotEqualTo(entries("first").get(0));
        assertThat(entries("second").get(0)).startsWith("limiter-test-SecondFixture-");
    }

    @Test
    void resolve_runEnds_motoServerIsStopped() {
        assumeTrue(entries("kind").stream().anyMatch(kind -> kind.startsWith("MOTO")),
                "the run used an external endpoint");
        URI endpoint = URI.create(entries("endpoint").get(0));

        boolean listening = accepts(endpoint);

        assertThat(listening).isFalse();
    }

    @Test
    void resolve_endpointParameterSet_injectsThatExternalEndpoint() {
        EngineExecutionResults external = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(DynamoDbEndpointExtension.ENDPOINT_PROPERTY, "http://127.0.0.1:9")
                .selectors(selectClass(SecondFixture.class))
                .execute();

        assertThat(entries(external, "endpoint")).containsExactly("http://127.0.0.1:9");
        assertThat(entries(external, "kind")).containsExactly("EXTERNAL");
    }

    @Test
    void resolve_engineStrict_injectsAStrictEndpointWithItsControl() {
        assumeTrue(System.getenv(DynamoDbEndpointExtension.ENDPOINT_VARIABLE) == null, "an endpoint is set");
        assumeTrue(System.getProperty(DynamoDbEndpointExtension.ENDPOINT_PROPERTY) == null, "an endpoint is set");

        EngineExecutionResults strict = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(MotoEngine.PROPERTY, "strict")
                .selectors(selectClass(SecondFixture.class))
                .execute();

        assertThat(entries(strict, "kind")).containsExactly("MOTO_STRICT");
        assertThat(entries(strict, "strict")).containsExactly("true");
    }

    @Test
    void resolve_motoServerMissingAndNoEndpoint_failsTheTestWithInstallHint() {
        assumeTrue(System.getenv(DynamoDbEndpointExtension.ENDPOINT_VARIABLE) == null, "an endpoint is set");
        assumeTrue(System.getProperty(DynamoDbEndpointExtension.ENDPOINT_PROPERTY) == null, "an endpoint is set");

        EngineExecutionResults missing = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(DynamoDbEndpointExtension.MOTO_SERVER_PROPERTY, "/nonexistent/moto_server")
                .selectors(selectClass(SecondFixture.class))
                .execute();

        assertThat(missing.testEvents().failed().stream())
                .singleElement()
                .satisfies(event -> assertThat(failure(event))
                        .hasMessageContaining("LIMITER_TEST_ENDPOINT is not set and moto_server did not start")
                        .hasMessageContaining("install moto[server] 5.x (pip install 'moto[server]')"));
    }

    private List<String> entries(String key) {
        return entries(run, key);
    }

    private static List<String> entries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs().get(key))
                .flatMap(value -> Optional.ofNullable(value).stream())
                .collect(Collectors.toList());
    }

    private static Throwable failure(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    private static boolean accepts(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Publishes what the extension injects into lifecycle, test and nested test methods. */
    @WithDynamoDb
    static class FirstFixture {

        @BeforeAll
        static void beforeAll(DynamoDbTestEndpoint endpoint, TestReporter reporter) {
            reporter.publishEntry("first", endpoint.tableName());
        }

        @Test
        void one(DynamoDbTestEndpoint endpoint, TestReporter reporter) {
            reporter.publishEntry("first", endpoint.tableName());
            reporter.publishEntry("endpoint", endpoint.endpoint().toString());
            reporter.publishEntry("kind", endpoint.kind().name());
        }

        @Test
        void two(DynamoDbTestEndpoint endpoint, TestReporter reporter) {
            reporter.publishEntry("first", endpoint.tableName());
        }

        @Nested
        class Inner {

            @Test
            void three(DynamoDbTestEndpoint endpoint, TestReporter reporter) {
                reporter.publishEntry("first", endpoint.tableName());
            }
        }
    }

    /** Publishes the table name, endpoint and kind of a second class. */
    @WithDynamoDb
    static class SecondFixture {

        @Test
        void one(DynamoDbTestEndpoint endpoint, TestReporter reporter) {
            reporter.publishEntry("second", endpoint.tableName());
            reporter.publishEntry("endpoint", endpoint.endpoint().toString());
            reporter.publishEntry("kind", endpoint.kind().name());
            reporter.publishEntry("strict", Boolean.toString(endpoint.strict().isPresent()));
        }
    }
}
