package dev.limiter.dynamodb.acquire;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The clock estimate's arithmetic on fixed {@code Date} headers (issue 9, item 5). */
class ClockSkewTest {

    private static final String DATE = "Sun, 06 Dec 2026 22:00:48 GMT";
    private static final long SERVER_NANOS = Instant.parse("2026-12-06T22:00:48Z").getEpochSecond() * 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final ClockSkew skew = new ClockSkew(Duration.ofSeconds(2));

    @Test
    void observe_stampWithinTheHeadersSecond_estimatesNothingAhead() {
        skew.observe(SERVER_NANOS + SECOND / 2, response(DATE));

        assertThat(skew.aheadAtLeast()).isEmpty();
        assertThat(skew.exceeded()).isFalse();
    }

    @Test
    void observe_stampFourSecondsAfterTheHeader_isAtLeastThreeSecondsAheadAndExceedsTwo() {
        skew.observe(SERVER_NANOS + 4 * SECOND, response(DATE));

        assertThat(skew.aheadAtLeast()).contains(Duration.ofSeconds(3));
        assertThat(skew.exceeded()).isTrue();
        assertThat(skew.refusal().aheadBy()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void observe_stampThreeSecondsAfterTheHeader_isWithinTheBound() {
        skew.observe(SERVER_NANOS + 3 * SECOND, response(DATE));

        assertThat(skew.aheadAtLeast()).contains(Duration.ofSeconds(2));
        assertThat(skew.exceeded()).as("2 s ahead at least is not more than the 2 s bound").isFalse();
    }

    @Test
    void observe_laterResponseOfACorrectedClock_clearsTheRefusal() {
        skew.observe(SERVER_NANOS + 60 * SECOND, response(DATE));

        skew.observe(SERVER_NANOS, response(DATE));

        assertThat(skew.exceeded()).isFalse();
    }

    @Test
    void observe_missingOrMalformedHeader_keepsThePreviousEstimate() {
        skew.observe(SERVER_NANOS + 60 * SECOND, response(DATE));

        skew.observe(SERVER_NANOS, SdkHttpResponse.builder().statusCode(200).build());
        skew.observe(SERVER_NANOS, response("yesterday"));

        assertThat(skew.exceeded()).isTrue();
    }

    @Test
    void observeFailure_serviceErrorWithItsResponse_isUsed() {
        ConditionalCheckFailedException failed = ConditionalCheckFailedException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().sdkHttpResponse(response(DATE)).build()).build();

        skew.observeFailure(SERVER_NANOS + 60 * SECOND, failed);

        assertThat(skew.exceeded()).isTrue();
    }

    private static SdkHttpResponse response(String date) {
        return SdkHttpResponse.builder().statusCode(200).putHeader("Date", date).build();
    }
}
