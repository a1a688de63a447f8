package dev.limiter.cli;

import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Limit;
import dev.limiter.RateLimiterUnavailableException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: backend failures name the region and endpoint, stay short, and hint only where the hint applies. */
class BackendErrorsTest {

    private final StringWriter err = new StringWriter();

    @Test
    void missingCredentials_realAws_printsOneShortLineWithoutTheLocalUpHint() {
        int exitCode = execute(new RateLimiterUnavailableException("DynamoDB Query on table 't' failed: "
                + "Unable to load credentials from any of the providers in the chain " + "x".repeat(900),
                SdkClientException.create("Unable to load credentials from any of the providers in the chain")),
                "--region", "eu-west-3");

        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(err.toString()).startsWith("failing: error: no AWS credentials found (region eu-west-3, "
                        + "endpoint https://dynamodb.eu-west-3.amazonaws.com): set AWS_PROFILE")
                .doesNotContain("local up").hasSizeLessThan(300);
    }

    @Test
    void missingTable_namesTheRegionAndEndpoint() {
        int exitCode = execute(new RateLimiterUnavailableException("DynamoDB Query failed: table 't' does not "
                + "exist (create it with `limiter table create` or the CDK app)", new RuntimeException("404")),
                "--region", "ap-south-1", "--endpoint-url", "https://dynamodb.ap-south-1.amazonaws.com");

        assertThat(err.toString()).contains("table 't' does not exist", "(region ap-south-1, endpoint "
                + "https://dynamodb.ap-south-1.amazonaws.com)", "hint: a table lives in one region")
                .doesNotContain("local up");
        assertThat(exitCode).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void refusedLocalEndpoint_hintsLocalUp() {
        execute(new RateLimiterUnavailableException("DynamoDB Query on table 't' failed: Connection refused",
                new java.net.ConnectException("refused")), "--endpoint-url", "http://127.0.0.1:4566");

        assertThat(err.toString()).contains("(region us-east-1, endpoint http://127.0.0.1:4566)",
                "hint: nothing answers at the local endpoint: 'limiter local up'");
    }

    @Test
    void amountAboveCapacity_exitsWithLimitExceeded() {
        int exitCode = execute(new AmountExceedsCapacityException("e", "r", Limit.perMinute("rpm", 5), 9));

        assertThat(exitCode).isEqualTo(ExitCode.LIMIT_EXCEEDED);
        assertThat(err.toString()).contains("can never be granted: the limit's capacity is 5");
    }

    private int execute(RuntimeException failure, String... args) {
        return FailingCommand.execute(FailingCommand.withBackendOptions(failure), err, args);
    }
}
