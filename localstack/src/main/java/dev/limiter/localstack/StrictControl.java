package dev.limiter.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Controls a strict engine ({@link MotoEngine#STRICT}) over its HTTP control API under {@code /_strict/} on the
 * DynamoDB port.
 *
 * <p>Settings apply per table name, so test classes sharing one server do not interfere; {@code "*"} sets the
 * default of every table without its own setting. The engine starts with a transaction hold of 10 ms, throttling
 * at 1,000 write units per second per partition key, a 10-minute idempotency window and no injected failures.
 *
 * <p>Each method sends one request and returns when the engine has applied it. Thread-safety: safe for use by
 * several threads.
 */
public final class StrictControl {

    /** How long one control request may take: 60 seconds. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** The table name that addresses every table. */
    public static final String ALL_TABLES = "*";

    private static final Pattern TABLE_NAME = Pattern.compile("\\*|[A-Za-z0-9_.-]{3,255}");
    private static final Pattern OPERATION = Pattern.compile("[A-Z][A-Za-z]{2,40}");

    private final URI endpoint;
    private final HttpClient http;

    private StrictControl(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /**
     * Returns a control for the strict engine serving {@code endpoint}.
     *
     * @param endpoint the DynamoDB endpoint of the engine, for example {@code http://127.0.0.1:41234}
     * @return the control; it sends nothing until a method is called
     */
    public static StrictControl of(URI endpoint) {
        return new StrictControl(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Makes every {@code TransactWriteItems} on the table hold its items for {@code hold} before it commits; single
     * writes to a held item get {@code TransactionConflictException}, overlapping transactions are cancelled with
     * {@code TransactionConflict}. Use a long hold with {@link #awaitHolding} and {@link #releaseHeld} to order a
     * conflict deterministically.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @param hold how long a transaction holds its items, zero or more
     * @throws IllegalArgumentException if the table name or the duration is invalid
     * @throws LocalEndpointException if the engine cannot be reached or rejects the setting
     */
    public void holdTransactions(String table, Duration hold) {
        requireNotNegative("hold", hold);
        post("config", "{\"table\":\"" + table(table) + "\",\"transactionHoldMillis\":" + hold.toMillis() + "}");
    }

    /**
     * Throttles writes to each partition key of the table at {@code unitsPerSecond} write units (1 KB of item per
     * unit, rounded up; transactions cost 2 units per KB per item; failed conditional writes count). A key's bucket
     * holds at most one second of the rate and at least one unit. Zero turns throttling off.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @param unitsPerSecond write units per second per partition key, zero or more (fractions allowed)
     * @throws IllegalArgumentException if the table name is invalid or the rate is negative or not finite
     * @throws LocalEndpointException if the engine cannot be reached or rejects the setting
     */
    public void throttleWrites(String table, double unitsPerSecond) {
        if (!(unitsPerSecond >= 0) || Double.isInfinite(unitsPerSecond)) {
            throw new IllegalArgumentException("unitsPerSecond must be a finite number >= 0, was " + unitsPerSecond);
        }
        post("config", "{\"table\":\"" + table(table) + "\",\"writeUnitsPerSecondPerKey\":"
                + String.format(Locale.ROOT, "%.6f", unitsPerSecond) + "}");
    }

    /**
     * Sets how long a {@code ClientRequestToken} of a completed transaction is remembered (DynamoDB: 10 minutes).
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @param window the idempotency window, zero or more
     * @throws IllegalArgumentException if the table name or the duration is invalid
     * @throws LocalEndpointException if the engine cannot be reached or rejects the setting
     */
    public void idempotencyWindow(String table, Duration window) {
        requireNotNegative("window", window);
        post("config", "{\"table\":\"" + table(table) + "\",\"idempotencyWindowMillis\":" + window.toMillis() + "}");
    }

    /**
     * Makes the next {@code count} requests of {@code operation} on the table fail after they were applied: the
     * engine applies each, then drops the connection or answers HTTP 500, so the SDK retries a request that landed.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @param operation the DynamoDB operation, for example {@code UpdateItem} or {@code TransactWriteItems}
     * @param count how many requests to fail, at least 1
     * @param mode how to fail them
     * @throws IllegalArgumentException if the table name, operation or count is invalid
     * @throws LocalEndpointException if the engine cannot be reached or rejects the setting
     */
    public void failAfterApply(String table, String operation, int count, AmbiguousFailure mode) {
        if (!OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException("operation must be a DynamoDB operation name such as UpdateItem, was '"
                    + operation + "'");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        post("config", "{\"table\":\"" + table(table) + "\",\"ambiguous\":[{\"operation\":\"" + operation
                + "\",\"count\":" + count + ",\"mode\":\"" + mode.wire() + "\"}]}");
    }

    /**
     * Ends the hold of every transaction now holding items of the table; they commit at once.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @throws LocalEndpointException if the engine cannot be reached
     */
    public void releaseHeld(String table) {
        post("release", "{\"table\":\"" + table(table) + "\"}");
    }

    /**
     * Waits until at least {@code transactions} transactions hold items of the table.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @param transactions how many, at least 1
     * @param timeout how long to wait
     * @return how many hold items of the table
     * @throws LocalEndpointException if the timeout passes first or the engine cannot be reached
     */
    public long awaitHolding(String table, int transactions, Duration timeout) {
        requireNotNegative("timeout", timeout);
        String answer = send(HttpRequest.newBuilder(endpoint.resolve("/_strict/await"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"table\":\"" + table(table) + "\",\"holding\":"
                        + transactions + ",\"timeoutMillis\":" + timeout.toMillis() + "}")),
                timeout.plus(REQUEST_TIMEOUT));
        return StrictCounters.parse(answer).holding();
    }

    /**
     * Removes the table's settings, key buckets, injected failures and counters; {@value #ALL_TABLES} resets the
     * whole engine, remembered tokens included.
     *
     * @param table a table name or {@value #ALL_TABLES}
     * @throws LocalEndpointException if the engine cannot be reached
     */
    public void reset(String table) {
        post("reset", "{\"table\":\"" + table(table) + "\"}");
    }

    /**
     * Returns the counters of every table.
     *
     * @throws LocalEndpointException if the engine cannot be reached
     */
    public StrictStats stats() {
        return StrictStats.parse(send(HttpRequest.newBuilder(endpoint.resolve("/_strict/stats")).GET()));
    }

    /**
     * Returns the counters of one table.
     *
     * @param table a table name
     * @throws LocalEndpointException if the engine cannot be reached
     */
    public StrictCounters stats(String table) {
        URI uri = endpoint.resolve("/_strict/stats?table=" + table(table).replace("*", "%2A"));
        return StrictCounters.parse(send(HttpRequest.newBuilder(uri).GET()));
    }

    private String post(String command, String json) {
        return send(HttpRequest.newBuilder(endpoint.resolve("/_strict/" + command))
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) {
        return send(request, REQUEST_TIMEOUT);
    }

    private String send(HttpRequest.Builder request, Duration timeout) {
        HttpRequest built = request.header("Content-Type", "application/json").timeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LocalEndpointException("strict engine at " + endpoint + " rejected " + built.uri().getPath()
                        + " (HTTP " + response.statusCode() + "): " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new LocalEndpointException("cannot reach the strict engine at " + endpoint + " (is the endpoint a "
                    + "strict engine? start it with limiter.test.engine=strict or 'limiter local up --strict'): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalEndpointException("interrupted while calling the strict engine at " + endpoint, e);
        }
    }

    private static String table(String table) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a DynamoDB table name ([A-Za-z0-9_.-]{3,255}) or \"*\", "
                    + "was '" + table + "'");
        }
        return table;
    }

    private static void requireNotNegative(String name, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or more, was " + duration);
        }
    }

    @Override
    public String toString() {
        return "StrictControl[" + endpoint + "]";
    }
}
