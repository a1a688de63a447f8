package dev.limiter.dynamodb;

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
        return new DynamoDbBackend(built, owns, tableName, bucketCacheEntries, maxAttempts, audit);
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
