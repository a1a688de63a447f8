package dev.limiter.cli;

import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.provision.ManifestException;
import dev.limiter.provision.ManifestProblem;
import dev.limiter.provision.SourcePosition;
import dev.limiter.provision.StalePlanException;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlerTest {

    private final StringWriter err = new StringWriter();

    @Test
    void expectedFailure_printsOneLineWithoutStackTraceOrHint_exitsWithError() {
        int exitCode = execute(new CompletionException(new IllegalStateException("table 'limits' not found")));

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("failing: error: table 'limits' not found" + System.lineSeparator());
    }

    @Test
    void unexpectedFailure_namesTheTypeAndPointsAtVerbose() {
        int exitCode = execute(new ArithmeticException("/ by zero"));

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo("failing: error: ArithmeticException: / by zero (run with -v for the "
                + "stack trace)" + System.lineSeparator());
    }

    @Test
    void failure_verbose_addsTheStackTrace() {
        int exitCode = execute(new CompletionException(new IllegalStateException("table 'limits' not found")), "-v");

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("failing: error: table 'limits' not found" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: table 'limits' not found", "\tat ");
    }

    @Test
    void invalidLimitsFile_printsEveryProblemWithItsPosition() {
        int exitCode = execute(new ManifestException(List.of(
                ManifestProblem.error(new SourcePosition("limits.yaml", 3, 5), "unknown field 'burts'"),
                ManifestProblem.warning(new SourcePosition("limits.yaml", 9, 7), "burst below rate"))));

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                "limits.yaml:3:5: error: unknown field 'burts'",
                "limits.yaml:9:7: warning: burst below rate",
                "failing: error: the limits file has 1 error; nothing was changed", ""));
    }

    @Test
    void unreachableBackend_addsAHintAboutEndpointAndCredentials() {
        int exitCode = execute(new RateLimiterUnavailableException("DynamoDB Query on table 't' failed: "
                + "Connection refused", new ConnectException("refused")));

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("failing: error: DynamoDB Query on table 't' failed: Connection refused")
                .contains("hint: check --endpoint-url, --region and your AWS credentials");
    }

    @Test
    void stalePlan_saysSoAndHowToRecover() {
        int exitCode = execute(new StalePlanException("namespace 'p' changed since the plan was saved"));

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).contains("failing: error: stale plan: namespace 'p' changed since the plan was saved")
                .contains("hint: run 'limiter limits plan --out FILE' again");
    }

    private int execute(RuntimeException failure, String... args) {
        return FailingCommand.execute(new FailingCommand(failure), err, args);
    }
}
