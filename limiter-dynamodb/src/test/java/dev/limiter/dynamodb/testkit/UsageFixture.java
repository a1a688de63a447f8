package dev.limiter.dynamodb.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.usage.UsageReader;
import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.StreamRecords;
import dev.limiter.testkit.ManualClock;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A limiter writing to a table whose stream feeds the usage aggregator, for tests of that path (the poller here, the
 * Lambda handler in {@code lambdas}): the table and its stream on the test endpoint, a fresh namespace per test with
 * {@link #RPM} and {@link #TPM}, the traffic those tests count, and an assertion that takes the expected windows
 * from the stream's own records, because moto stamps them with its wall clock, not the limiter's manual clock.
 * Close it to close its clients.
 */
public final class UsageFixture implements AutoCloseable {

    /** The namespace's request limit. */
    public static final Limit RPM = Limit.perMinute("rpm", 100);
    /** The namespace's token limit. */
    public static final Limit TPM = Limit.perMinute("tpm", 10_000);
    /** The resource every call uses. */
    public static final String RESOURCE = "gpt-4";

    private final TestTable table;
    private final DynamoDbStreamsClient streams;
    private final UsageReader reader;
    private final ManualClock clock = ManualClock.create();
    private String namespace;
    private RateLimiter limiter;

    /** Creates the endpoint's table for the test class and connects to it and its stream. */
    public UsageFixture(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
        this.streams = endpoint.newStreamsClient();
        this.reader = UsageReader.create(table.client(), table.name());
    }

    /** Starts a namespace no other test uses, with a limiter whose namespace-wide limits are RPM and TPM. */
    public void newNamespace() {
        namespace = TestTable.uniqueNamespace("n");
        limiter = RateLimiter.builder().namespace(namespace).clock(clock).backend(table.backend()).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(RPM, TPM));
    }

    /**
     * Three leases of {@code user}, cascading to {@code team} and {@code org} (so each of the three counts 3 requests,
     * rpm 2 and tpm 1930: a rollback is a request with no net tokens), and, after the first, one lease of the
     * unrelated root {@code solo} (1 request, rpm 1, tpm 50).
     */
    public void llmTraffic() {
        limiter.entities().put(Entity.root("org"));
        limiter.entities().put(Entity.child("team", "org").withCascade(true));
        limiter.entities().put(Entity.child("user", "team").withCascade(true));
        Lease first = limiter.acquire(call("user", 500));
        first.adjust("tpm", 1230);
        first.commit();
        limiter.acquire(call("solo", 50)).commit();
        clock.advance(Duration.ofMillis(10));
        limiter.acquire(call("user", 200)).rollback();
        Lease third = limiter.acquire(call("user", 300));
        third.adjust("tpm", -100);
        third.commit();
    }

    /** A call of {@code entity} taking one request and {@code tokens} tokens. */
    public static AcquireRequest call(String entity, long tokens) {
        return AcquireRequest.of(entity, RESOURCE).consume("rpm", 1).consume("tpm", tokens);
    }

    /** The stream records of this namespace's items so far, in stream order (one full read of the stream). */
    public List<Record> records() {
        return StreamRecords.read(streams, table.name(), namespace + "#");
    }

    /** The partition key of {@code entity}'s bucket for {@link #RESOURCE}. */
    public String bucketPk(String entity) {
        return namespace + "#B#" + entity + "#" + RESOURCE;
    }

    /** The entity's snapshots of kind {@code window} in any window near now. */
    public List<UsageSnapshot> snapshots(UsageWindow window, String entity) {
        Instant now = Instant.now(); // moto stamps records with its wall clock; two days either side covers them
        return reader.entityUsage(namespace, entity, window, now.minus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(2)));
    }

    /**
     * Asserts the entity's usage summed over the windows its {@code records} fall in, and that no snapshot lies in any
     * other window: exact even when moto's clock crosses an hour while the test runs. Pass the {@link #records()} read
     * after the traffic, once for all the assertions that follow it.
     */
    public void assertUsage(List<Record> records, String entity, UsageWindow window, long requests,
                            Map<String, Long> amounts) {
        List<Instant> starts = records.stream()
                .filter(record -> record.dynamodb().keys().get(Attributes.PK).s().equals(bucketPk(entity)))
                .map(record -> window.startOf(record.dynamodb().approximateCreationDateTime())).toList();
        List<UsageSnapshot> snapshots = snapshots(window, entity);
        assertThat(snapshots).extracting(UsageSnapshot::start).isSubsetOf(starts);
        assertThat(snapshots.stream().mapToLong(UsageSnapshot::requests).sum()).isEqualTo(requests);
        Map<String, Long> summed = new TreeMap<>();
        snapshots.forEach(s -> s.amounts().forEach((name, amount) -> summed.merge(name, amount, Long::sum)));
        assertThat(summed).containsExactlyInAnyOrderEntriesOf(amounts);
    }

    /** The namespace of the current test. */
    public String namespace() {
        return namespace;
    }

    /** The limiter of the current test. */
    public RateLimiter limiter() {
        return limiter;
    }

    /** The limiter's clock. */
    public ManualClock clock() {
        return clock;
    }

    /** The table. */
    public TestTable table() {
        return table;
    }

    /** The table's stream client. */
    public DynamoDbStreamsClient streams() {
        return streams;
    }

    /** A reader of the table's snapshots. */
    public UsageReader reader() {
        return reader;
    }

    @Override
    public void close() {
        table.close();
        streams.close();
    }
}
