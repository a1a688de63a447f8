package dev.limiter.dynamodb;

import dev.limiter.dynamodb.acquire.Backoff;
import dev.limiter.dynamodb.acquire.Charger;
import dev.limiter.dynamodb.acquire.RetryBudget;
import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.internal.Require;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link DynamoDbBackend}: either on a client you pass in (you keep ownership and its retry settings), or
 * on one built from region, endpoint and credentials with the standard retry mode and bounded timeouts (owned and
 * closed by the backend). Not thread-safe.
 */
public final class DynamoDbBackendBuilder {

    private static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private DynamoDbAsyncClient client;
    private String tableName;
    private Region region;
    private URI endpoint;
    private AwsCredentialsProvider credentials;
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private int bucketCacheEntries = 100_000;
    private int maxAttempts = 6;
    private RetryBudget retryBudget = RetryBudget.DEFAULT;
    private RandomGenerator jitter;
    private ScheduledExecutorService scheduler;
    private Duration maxClockSkew = Charger.DEFAULT_MAX_CLOCK_SKEW;
    private AuditSettings audit = AuditSettings.of("library");

    DynamoDbBackendBuilder() {
    }

    /** The table; required. */
    public DynamoDbBackendBuilder tableName(String name) {
        Require.nonNull("tableName", name);
        Require.argument(name.matches("[A-Za-z0-9_.-]{3,255}"),
                "tableName '" + Require.echo(name) + "' is invalid: must match [A-Za-z0-9_.-]{3,255}");
        this.tableName = name;
        return this;
    }

    /** A client to use instead of building one; conflicts with region, endpoint and credentials. */
    public DynamoDbBackendBuilder client(DynamoDbAsyncClient newClient) {
        Require.argument(region == null && endpoint == null && credentials == null,
                "client(...) conflicts with region/endpoint/credentials set earlier: configure the client instead");
        this.client = Require.nonNull("client", newClient);
        return this;
    }

    /** The region of a built client. Default: the SDK's region chain. */
    public DynamoDbBackendBuilder region(Region newRegion) {
        requireNoClient("region");
        this.region = Require.nonNull("region", newRegion);
        return this;
    }

    /** An endpoint override for a built client, e.g. a local DynamoDB. Default: the region's endpoint. */
    public DynamoDbBackendBuilder endpoint(URI newEndpoint) {
        requireNoClient("endpoint");
        this.endpoint = Require.nonNull("endpoint", newEndpoint);
        return this;
    }

    /** Credentials for a built client. Default: the SDK's default provider chain. */
    public DynamoDbBackendBuilder credentials(AwsCredentialsProvider provider) {
        requireNoClient("credentials");
        this.credentials = Require.nonNull("credentials", provider);
        return this;
    }

    /** Timeout of one HTTP attempt of a built client. Default 2 s. */
    public DynamoDbBackendBuilder attemptTimeout(Duration timeout) {
        requireNoClient("attemptTimeout");
        this.attemptTimeout = positive("attemptTimeout", timeout);
        return this;
    }

    /** Timeout of a whole call, retries included, of a built client. Default 5 s. */
    public DynamoDbBackendBuilder callTimeout(Duration timeout) {
        requireNoClient("callTimeout");
        this.callTimeout = positive("callTimeout", timeout);
        return this;
    }

    /** How many buckets this process remembers to pick write branches. Default 100,000. */
    public DynamoDbBackendBuilder bucketCacheEntries(int entries) {
        this.bucketCacheEntries = (int) Require.positive("bucketCacheEntries", entries, Integer.MAX_VALUE);
        return this;
    }

    /** How many times one acquire may retry after conditions failed on stale branches. Default 6. */
    public DynamoDbBackendBuilder maxAttempts(int attempts) {
        this.maxAttempts = (int) Require.positive("maxAttempts", attempts, 100);
        return this;
    }

    /**
     * How the backend resends writes that DynamoDB refused without applying them, by cause (throttling, conflicts):
     * see {@link RetryBudget}. Default {@link RetryBudget#DEFAULT}: throttling 25 ms doubling to 500 ms, 10 retries;
     * conflicts the same steps up to 100 ms, 30 retries.
     */
    public DynamoDbBackendBuilder retryBudget(RetryBudget budget) {
        this.retryBudget = Require.nonNull("retryBudget", budget);
        return this;
    }

    /**
     * The steps of the {@linkplain #retryBudget retry budget}: retry {@code n} waits a uniform draw from
     * {@code [d/2, d]} with {@code d = min(cap, base·2^(n−1))} (conflict steps also at most the budget's
     * {@code conflictCap}). Default 25 ms doubling up to 500 ms.
     */
    public DynamoDbBackendBuilder retryBackoff(Duration base, Duration cap) {
        Require.nonNull("retryBackoff base", base);
        Require.nonNull("retryBackoff cap", cap);
        this.retryBudget = retryBudget.withBackoff(base, cap);
        return this;
    }

    /**
     * How many times one write may be resent after transient refusals, 0 to 100, for throttling and conflicts alike
     * (set them apart with {@link #retryBudget}). Default 10 for throttling, which with the default steps waits at
     * most about 3.3 s in all, and 30 for conflicts (at most about 2.9 s).
     */
    public DynamoDbBackendBuilder transientRetries(int retries) {
        this.retryBudget = retryBudget.withRetries(retries);
        return this;
    }

    /** The source of backoff jitter, e.g. a seeded {@code SplittableRandom} in tests. Default: randomly seeded. */
    public DynamoDbBackendBuilder jitter(RandomGenerator source) {
        this.jitter = Require.nonNull("jitter", source);
        return this;
    }

    /**
     * The scheduler that waits out backoffs (the caller keeps ownership). Default: the JDK's shared delay scheduler,
     * the resend starting from the common pool. SDK I/O threads are never blocked either way.
     */
    public DynamoDbBackendBuilder scheduler(ScheduledExecutorService newScheduler) {
        this.scheduler = Require.nonNull("scheduler", newScheduler);
        return this;
    }

    /**
     * How far the limiter's clock may run ahead of DynamoDB's before acquires are refused with
     * {@link dev.limiter.ClockSkewException} (and {@link dev.limiter.RateLimiterListener#onClockSkew}). A clock
     * running ahead by {@code s} pushes buckets' TATs {@code s} into the future and locks correctly clocked clients
     * out for about {@code s}. The offset is a lower bound estimated from write responses' {@code Date} headers
     * (whole seconds), so it never refuses a correct clock; the first write of a backend precedes any estimate.
     * Default 2 s; at most one day.
     */
    public DynamoDbBackendBuilder maxClockSkew(Duration bound) {
        positive("maxClockSkew", bound);
        Require.argument(bound.compareTo(Duration.ofDays(1)) <= 0, "maxClockSkew must be at most one day, got "
                + bound);
        this.maxClockSkew = bound;
        return this;
    }

    /**
     * How changes made through {@code configs()} and {@code entities()} are recorded in the table's audit trail
     * (default: actor {@code library}, source {@code library}, kept {@link AuditSettings#DEFAULT_RETENTION}). The
     * acquire path never writes audit entries.
     */
    public DynamoDbBackendBuilder audit(AuditSettings settings) {
        this.audit = Require.nonNull("audit", settings);
        return this;
    }

    /** Builds the backend; it creates no table (see {@link DynamoDbBackend#createTable()}). */
    public DynamoDbBackend build() {
        Require.argument(tableName != null, "tableName is required");
        boolean owns = client == null;
        DynamoDbAsyncClient built = owns ? buildClient() : client;
        RandomGenerator source = jitter != null ? jitter : new SplittableRandom();
        Backoff backoff = scheduler != null
                ? Backoff.on(scheduler, retryBudget, source)
                : Backoff.onSharedScheduler(retryBudget, source);
        return new DynamoDbBackend(built, owns, tableName, bucketCacheEntries, maxAttempts, backoff, maxClockSkew,
                audit);
    }

    private DynamoDbAsyncClient buildClient() {
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(attemptTimeout)
                        .apiCallTimeout(callTimeout).build());
        if (region != null) {
            builder.region(region);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        return builder.build();
    }

    private void requireNoClient(String setting) {
        Require.argument(client == null, setting + "(...) conflicts with client(...): configure the client instead");
    }

    private static Duration positive(String field, Duration value) {
        Require.nonNull(field, value);
        Require.argument(!value.isNegative() && !value.isZero(), field + " must be positive, got " + value);
        return value;
    }
}
