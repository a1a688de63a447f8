package dev.limiter.cli.options;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.audit.AuditSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DynamoDB client for one command and the {@link DynamoDbBackend} on it; close it when the command is done.
 *
 * <p>The client's Netty event loop belongs to this connection, so that closing does not sit out Netty's two-second
 * graceful-shutdown quiet period that an SDK-managed loop waits for: a CLI command would otherwise take two seconds
 * longer than its work. The loop's threads are daemons. Retries use the SDK's standard mode; one HTTP attempt may take
 * {@value #ATTEMPT_SECONDS} s, a call with its retries {@value #CALL_SECONDS} s.
 *
 * <p>Thread-safe.
 */
public final class TableConnection implements AutoCloseable {

    static final int ATTEMPT_SECONDS = 10;
    static final int CALL_SECONDS = 30;

    private static final int LOOP_THREADS = 2;
    private static final long QUIET_MILLIS = 200;

    private final SdkEventLoopGroup loop;
    private final DynamoDbAsyncClient client;
    private final DynamoDbBackend backend;

    private final AuditSettings audit;

    private TableConnection(SdkEventLoopGroup loop, DynamoDbAsyncClient client, String table, AuditSettings audit) {
        this.loop = loop;
        this.client = client;
        this.audit = audit;
        this.backend = DynamoDbBackend.builder().client(client).tableName(table).audit(audit).build();
    }

    /**
     * Connects to {@code table}.
     *
     * @throws IllegalArgumentException if the table name is invalid
     */
    static TableConnection open(String table, Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
                                AuditSettings audit) {
        AtomicInteger threads = new AtomicInteger();
        SdkEventLoopGroup loop = SdkEventLoopGroup.builder().numberOfThreads(LOOP_THREADS).threadFactory(task -> {
            Thread thread = new Thread(task, "limiter-dynamodb-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }).build();
        DynamoDbAsyncClientBuilder builder = DynamoDbAsyncClient.builder()
                .httpClient(NettyNioAsyncHttpClient.builder().eventLoopGroup(loop).build())
                .region(region).credentialsProvider(credentials).overrideConfiguration(overrides());
        endpoint.ifPresent(builder::endpointOverride);
        DynamoDbAsyncClient client = builder.build();
        try {
            return new TableConnection(loop, client, table, audit);
        } catch (IllegalArgumentException invalid) {
            client.close();
            loop.eventLoopGroup().shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw invalid;
        }
    }

    /**
     * A sync DynamoDB Streams client with this connection's endpoint, region, credentials, retries and timeouts (a
     * local endpoint serves both APIs); the caller closes it. Sync, on the SDK's default HTTP client: a stream is read
     * one call after the other.
     */
    public DynamoDbStreamsClient openStreams() {
        DynamoDbServiceClientConfiguration table = client.serviceClientConfiguration();
        DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder().region(table.region())
                .credentialsProvider(table.credentialsProvider()).overrideConfiguration(overrides());
        table.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                .apiCallAttemptTimeout(Duration.ofSeconds(ATTEMPT_SECONDS))
                .apiCallTimeout(Duration.ofSeconds(CALL_SECONDS)).build();
    }

    /** The backend on the table. */
    public DynamoDbBackend backend() {
        return backend;
    }

    /** How this connection's changes are recorded in the audit trail: actor, reason, source {@code cli}. */
    public AuditSettings audit() {
        return audit;
    }

    /** The table's name. */
    public String tableName() {
        return backend.tableName();
    }

    /**
     * Closes the client and lets the event loop end without waiting for it. The loop's threads are daemons, so a
     * quiet period costs the process nothing at exit; it lets the SDK's late completion notifications run instead of
     * being rejected by a loop that already stopped (Netty's RejectedExecutionException traces on stderr).
     */
    @Override
    public void close() {
        backend.close();
        client.close();
        loop.eventLoopGroup().shutdownGracefully(QUIET_MILLIS, 2_000, TimeUnit.MILLISECONDS);
    }
}
