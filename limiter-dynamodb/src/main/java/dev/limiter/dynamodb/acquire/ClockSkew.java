package dev.limiter.dynamodb.acquire;

import dev.limiter.ClockSkewException;
import dev.limiter.internal.Futures;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's clock offset from DynamoDB's, estimated from the HTTP {@code Date} header of write responses, and
 * the bound beyond which writes are refused.
 *
 * <p>The estimate is a sound lower bound of how far the stamping clock runs ahead: a write stamped {@code now} by
 * this clock is sent after the stamp, and the server answers at a time {@code S} with {@code Date = D}, whole
 * seconds rounded down, so at the stamp the true time was at most {@code S < D + 1 s}. The clock therefore ran ahead
 * by at least {@code now - (D + 1 s)}; latency, queueing and SDK retries only make the bound smaller, never larger,
 * so it never refuses a correct clock (DynamoDB's own clock is kept accurate by AWS). A clock running behind cannot
 * be bounded this way without a second clock reading, and is not refused: it locks out only its own host (it sees
 * buckets emptier than they are), and like any skew over-admits at most {@code rate x skew} per window.
 *
 * <p>The latest response decides, so a corrected clock is trusted again at once. While refused, every acquire first
 * sends one small {@code GetItem} whose response refreshes the estimate, so writes resume by themselves. Thread-safe.
 */
final class ClockSkew {

    private static final long DATE_RESOLUTION_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long NO_SAMPLE = Long.MIN_VALUE;

    private final long boundNanos;
    private final AtomicLong aheadAtLeastNanos = new AtomicLong(NO_SAMPLE);

    ClockSkew(Duration bound) {
        this.boundNanos = bound.toNanos();
    }

    /** Records the response to a request this clock stamped {@code stampNanos}. */
    void observe(long stampNanos, SdkHttpResponse response) {
        serverDateNanos(response).ifPresent(date -> aheadAtLeastNanos.set(stampNanos - (date + DATE_RESOLUTION_NANOS)));
    }

    /** Records a failed call: a service error still carries the HTTP response and its {@code Date}. */
    void observeFailure(long stampNanos, Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().sdkHttpResponse() != null) {
            observe(stampNanos, service.awsErrorDetails().sdkHttpResponse());
        }
    }

    /** Whether the latest response showed this clock ahead by more than the bound. */
    boolean exceeded() {
        long ahead = aheadAtLeastNanos.get();
        return ahead != NO_SAMPLE && ahead > boundNanos;
    }

    /** The estimate: this clock runs ahead by at least this much; empty before any response or when behind. */
    Optional<Duration> aheadAtLeast() {
        long ahead = aheadAtLeastNanos.get();
        return ahead == NO_SAMPLE || ahead <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(ahead));
    }

    /** The refusal for the current estimate. */
    ClockSkewException refusal() {
        Duration ahead = aheadAtLeast().orElse(Duration.ZERO);
        return new ClockSkewException(ahead, Duration.ofNanos(boundNanos), new IllegalStateException(
                "the latest DynamoDB response's Date header lies at least " + ahead.toMillis()
                        + " ms before this clock's stamp of the request"));
    }

    private static Optional<Long> serverDateNanos(SdkHttpResponse response) {
        Optional<String> header = response.firstMatchingHeader("Date");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            ZonedDateTime date = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
            return Optional.of(date.toEpochSecond() * 1_000_000_000L);
        } catch (DateTimeException unparsable) {
            return Optional.empty();
        }
    }
}
