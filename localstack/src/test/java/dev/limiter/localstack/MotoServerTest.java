package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotoServerTest {

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final List<MotoServer> servers = new ArrayList<>();
    private final List<LocalEndpoint> detached = new ArrayList<>();

    @TempDir
    Path temporary;

    @AfterEach
    void stopEverythingStarted() {
        servers.forEach(MotoServer::stop);
        detached.forEach(endpoint -> endpoint.stop(GRACE));
    }

    // ---- start ------------------------------------------------------------------------------------------

    @Test
    void start_freePort_answersHttpOnLoopback() throws Exception {
        MotoServer server = track(MotoServer.start());

        assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));
        assertThat(server.isAlive()).isTrue();
        assertThat(httpStatus(server.endpoint())).isBetween(200, 599);
    }

    @Test
    void start_explicitPort_servesThatPort() throws Exception {
        int port = LoopbackPorts.freePort();

        MotoServer server = track(MotoServer.start(port, STARTUP));

        assertThat(server.port()).isEqualTo(port);
        assertThat(httpStatus(URI.create("http://127.0.0.1:" + port + "/"))).isBetween(200, 599);
    }

    @Test
    void start_portInUse_failsNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> MotoServer.start(port, STARTUP))
                    .isInstanceOf(LocalEndpointException.class)
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is already in use");
        }
    }

    @Test
    void start_executableMissing_failsWithInstallHint() {
        MotoCommand missing = new MotoCommand("moto_server-that-does-not-exist");

        assertThatThrownBy(() -> MotoServer.start(missing, STARTUP))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageStartingWith(
                        "moto_server not found on PATH; install moto[server] 5.x (pip install 'moto[server]')");
    }

    @Test
    void start_processExitsEarly_failsWithExitCodeAndOutputTail() throws IOException {
        Path script = executableScript("#!/bin/sh\necho \"boom: cannot serve $*\"\nexit 3\n");

        assertThatThrownBy(() -> MotoServer.start(new MotoCommand(script.toString()), STARTUP))
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("exited with code 3 before answering")
                .hasMessageContaining("boom: cannot serve -H 127.0.0.1 -p");
    }

    // ---- stop -------------------------------------------------------------------------------------------

    @Test
    void stop_runningServer_endsItsProcess() {
        MotoServer server = track(MotoServer.start());
        long pid = server.pid();

        server.stop();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void stop_calledTwice_isANoOp() {
        MotoServer server = track(MotoServer.start());
        server.stop();

        server.close();

        assertThat(server.isAlive()).isFalse();
    }

    // ---- detached ---------------------------------------------------------------------------------------

    @Test
    void startDetached_freePort_recordsTheRunningServer() throws Exception {
        Path log = temporary.resolve("moto.log");

        LocalEndpoint endpoint = trackDetached(MotoServer.startDetached(log, STARTUP));

        assertThat(endpoint.kind()).isEqualTo(EndpointKind.MOTO);
        assertThat(endpoint.isRunning()).isTrue();
        assertThat(endpoint.logFile()).isEqualTo(log);
        assertThat(httpStatus(endpoint.endpoint())).isBetween(200, 599);
        assertThat(Files.readString(log)).contains("Running on http://127.0.0.1:" + endpoint.endpoint().getPort());
    }

    @Test
    void stop_detachedServerLoadedFromItsFile_endsTheProcess() {
        Path file = temporary.resolve("local/endpoint.properties");
        trackDetached(MotoServer.startDetached(temporary.resolve("moto.log"), STARTUP)).save(file);
        LocalEndpoint loaded = LocalEndpoint.load(file);

        boolean stopped = loaded.stop(GRACE);

        assertThat(stopped).isTrue();
        assertThat(loaded.isRunning()).isFalse();
        assertThat(ProcessHandle.of(loaded.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    private MotoServer track(MotoServer server) {
        servers.add(server);
        return server;
    }

    private LocalEndpoint trackDetached(LocalEndpoint endpoint) {
        detached.add(endpoint);
        return endpoint;
    }

    private Path executableScript(String content) throws IOException {
        Path script = temporary.resolve("fake-moto.sh");
        Files.writeString(script, content);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static int httpStatus(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
