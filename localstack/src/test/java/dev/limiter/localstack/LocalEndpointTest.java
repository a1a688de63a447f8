package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalEndpointTest {

    private static final URI ENDPOINT = URI.create("http://127.0.0.1:4566");
    private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.060Z");

    @TempDir
    Path temporary;

    @Test
    void save_thenLoad_roundTripsEveryField() {
        LocalEndpoint endpoint = new LocalEndpoint(
                ENDPOINT, 4242, EndpointKind.LOCALSTACK, temporary.resolve("local stack.log"), STARTED);
        Path file = temporary.resolve("state/local.properties");

        endpoint.save(file);

        assertThat(LocalEndpoint.load(file)).isEqualTo(endpoint);
    }

    @Test
    void save_existingFile_replacesIt() {
        Path file = temporary.resolve("local.properties");
        new LocalEndpoint(ENDPOINT, 1, EndpointKind.MOTO, temporary.resolve("a.log"), STARTED).save(file);
        LocalEndpoint second = new LocalEndpoint(ENDPOINT, 2, EndpointKind.MOTO, temporary.resolve("b.log"), STARTED);

        second.save(file);

        assertThat(LocalEndpoint.load(file)).isEqualTo(second);
    }

    @Test
    void load_missingProperty_failsNamingIt() throws IOException {
        Path file = temporary.resolve("broken.properties");
        Files.writeString(file, "endpoint=http://127.0.0.1:1\nkind=MOTO\nlogFile=/tmp/x\nstartedAt=" + STARTED + "\n");

        assertThatThrownBy(() -> LocalEndpoint.load(file))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("property 'pid' is missing");
    }

    @Test
    void load_missingFile_failsNamingIt() {
        Path file = temporary.resolve("absent.properties");

        assertThatThrownBy(() -> LocalEndpoint.load(file))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("cannot read " + file);
    }

    @Test
    void new_externalKind_isRejected() {
        assertThatThrownBy(() -> new LocalEndpoint(ENDPOINT, 1, EndpointKind.EXTERNAL, Path.of("x.log"), STARTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kind must be MOTO, MOTO_STRICT or LOCALSTACK");
    }

    @Test
    void new_nonPositivePid_isRejected() {
        assertThatThrownBy(() -> new LocalEndpoint(ENDPOINT, 0, EndpointKind.MOTO, Path.of("x.log"), STARTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pid must be positive, was 0");
    }

    @Test
    void isRunning_processHasExited_isFalse() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.onExit().get(10, TimeUnit.SECONDS);
        LocalEndpoint endpoint = new LocalEndpoint(ENDPOINT, process.pid(), EndpointKind.MOTO, Path.of("x.log"), STARTED);

        assertThat(endpoint.isRunning()).isFalse();
        assertThat(endpoint.stop(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void process_pidNowBelongsToAProcessStartedAtAnotherTime_isEmpty() {
        ProcessHandle self = ProcessHandle.current();
        Instant otherStart = self.info().startInstant().orElseThrow().minus(Duration.ofHours(1));
        LocalEndpoint stale = new LocalEndpoint(ENDPOINT, self.pid(), EndpointKind.MOTO, Path.of("x.log"), otherStart);

        assertThat(stale.process()).isEmpty();
    }

    @Test
    void process_recordOfThisJvm_isPresent() {
        LocalEndpoint endpoint = LocalEndpoint.of(ENDPOINT, ProcessHandle.current(), EndpointKind.MOTO, Path.of("x.log"));

        assertThat(endpoint.process()).contains(ProcessHandle.current());
    }

    @Test
    void toEnvironment_always_pointsSdkAndTestsAtTheEndpoint() {
        LocalEndpoint endpoint = new LocalEndpoint(ENDPOINT, 7, EndpointKind.MOTO, Path.of("x.log"), STARTED);

        assertThat(endpoint.toEnvironment())
                .containsEntry("LIMITER_TEST_ENDPOINT", "http://127.0.0.1:4566")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:4566")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", "http://127.0.0.1:4566")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ACCESS_KEY_ID", "test")
                .containsEntry("AWS_SECRET_ACCESS_KEY", "test");
    }
}
