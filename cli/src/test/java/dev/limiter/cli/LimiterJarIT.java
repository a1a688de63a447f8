package dev.limiter.cli;

import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.LocalEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code target/limiter.jar}, run as users run it: a separate JVM, configured through environment
 * variables, against moto. Runs in {@code integration-test}, after {@code package} built the jar.
 */
@WithDynamoDb
class LimiterJarIT {

    private static final Path JAR = Path.of(System.getProperty("limiter.jar", "target/limiter.jar"));
    private static final Path ROOT = Path.of(System.getProperty("limiter.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    @AfterEach
    void stopLocalServer() {
        Path state = home.resolve("local.properties");
        if (Files.exists(state)) {
            LocalEndpoint.load(state).stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void version_readsTheManifest() throws Exception {
        Result run = limiter(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("limiter 0.");
    }

    @Test
    void examples_applyAndReplanClean_throughTheJar(DynamoDbTestEndpoint endpoint) throws Exception {
        Map<String, String> env = Map.of("LIMITER_ENDPOINT_URL", endpoint.endpoint().toString(),
                "LIMITER_TABLE", endpoint.tableName(), "AWS_REGION", endpoint.region().id());
        String example = ROOT.resolve("examples/llm-gateway.yaml").toString();

        Result create = limiter(env, "table", "create");
        Result apply = limiter(env, "limits", "apply", "-f", example, "--auto-approve");
        Result plan = limiter(env, "limits", "plan", "-f", example, "--detailed-exitcode");
        Result acquire = limiter(env, "acquire", "acme-search", "gpt-4o", "-c", "rpm=1", "-c", "tpm=500",
                "--namespace", "llm-gateway");

        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete! Resources: 14 added, 0 changed, 0 destroyed.");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(ExitCode.OK);
        assertThat(plan.out()).startsWith("No changes.");
        assertThat(acquire.exitCode()).as(acquire.err()).isZero();
        assertThat(acquire.out()).startsWith("GRANTED entity 'acme-search' resource 'gpt-4o'");
    }

    @Test
    void invalidFile_printsPositions_exitsOne() throws Exception {
        Path file = Files.writeString(home.resolve("bad.yaml"), "namespace: ns\nentitis: {}\n");

        Result run = limiter(Map.of(), "limits", "validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.out()).contains("bad.yaml:2:1: error: unknown field 'entitis' in the limits file; did you "
                + "mean 'entities'?");
    }

    @Test
    void localUpEnvDown_throughTheJar() throws Exception {
        Map<String, String> env = Map.of("LIMITER_HOME", home.toString());

        Result up = limiter(env, "local", "up", "--engine", "moto", "--port", "0");
        Result localEnv = limiter(env, "local", "env");
        Result down = limiter(env, "local", "down");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(localEnv.out()).contains("export LIMITER_ENDPOINT_URL=http://127.0.0.1:");
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).startsWith("Stopped moto_server");
    }

    @Test
    void aggregateFollow_sigint_finishesThePollPrintsTheSummaryAndExits(DynamoDbTestEndpoint endpoint)
            throws Exception {
        Map<String, String> env = Map.of("LIMITER_ENDPOINT_URL", endpoint.endpoint().toString(),
                "LIMITER_TABLE", endpoint.tableName("follow"), "AWS_REGION", endpoint.region().id());
        assertThat(limiter(env, "table", "create").exitCode()).isZero();
        Path out = Files.createTempFile(home, "out", ".txt");
        Process process = start(env, out, "aggregate", "--follow", "--interval", "200ms");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains("poll 2:") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        new ProcessBuilder("kill", sigintIgnored() ? "-TERM" : "-INT", Long.toString(process.pid())).start()
                .waitFor();

        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("exited after SIGINT").isTrue();
        assertThat(Files.readString(out)).containsPattern("(?m)^Stopped by a signal: \\d+ polls, ");
    }

    /**
     * Whether this JVM was started with SIGINT ignored (a background job of a shell without job control, under
     * {@code nohup}...). A process keeps ignoring what it was started ignoring, the child JVM inherits it, and the
     * JVM then installs no handler for SIGINT; SIGTERM runs the same shutdown hook, so it stands in for Ctrl-C there.
     */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    private Result limiter(Map<String, String> variables, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Process process = start(variables, out, args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("limiter " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(errorFile(out), StandardCharsets.UTF_8));
    }

    /** Starts {@code limiter args...} in a separate JVM, stdout to {@code out}, stderr to {@link #errorFile}. */
    private Process start(Map<String, String> variables, Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("LIMITER_") || name.startsWith("AWS_"));
        builder.environment().putAll(variables);
        return builder.redirectOutput(out.toFile()).redirectError(errorFile(out).toFile()).start();
    }

    /** Where {@link #start} writes the stderr of the run writing stdout to {@code out}. */
    private static Path errorFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".err");
    }

    /** What one run of the jar did. */
    private record Result(int exitCode, String out, String err) {
    }
}
