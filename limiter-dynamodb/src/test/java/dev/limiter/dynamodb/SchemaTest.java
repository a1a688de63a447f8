package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.ItemSize;
import dev.limiter.dynamodb.schema.Keys;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored layout: keys, bucket item size and content, and the development table's definition. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaTest {

    private final TestTable table;

    SchemaTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void bucketItem_twoLimits_isUnderOneKilobyteAndOutsideTheIndex() {
        RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace("tenant-a")
                .clock(ManualClock.create()).build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 1_000),
                Limit.perMinute("tpm", 1_000_000).withBurst(1_500_000)));

        limiter.acquire(AcquireRequest.of("user-42@example.com", "openai/gpt-4o").consume("rpm", 1).consume("tpm", 500))
                .commit();

        Map<String, AttributeValue> item = bucketItem(new BucketKey("tenant-a", "user-42@example.com", "openai/gpt-4o"));
        assertThat(item.get(Attributes.PK).s()).isEqualTo("tenant-a#B#user-42@example.com#openai/gpt-4o");
        assertThat(item).containsKeys("t_rpm", "c_rpm", "p_rpm", "t_tpm", "c_tpm", "p_tpm", "l", "ttl")
                .doesNotContainKeys(Attributes.GSI1_PK, Attributes.GSI1_SK);
        assertThat(item.get("p_tpm").s()).isEqualTo("1500000:1000000:60000000000");
        assertThat(ItemSize.bytes(item)).isLessThan(300);
        assertThat(ItemSize.writeUnits(ItemSize.bytes(item))).isEqualTo(1);
    }

    @Test
    void keys_everyItemStartsWithTheNamespace() {
        RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace("tenant-b").build();

        limiter.entities().put(Entity.root("acme").withDisplayName("Acme"));
        limiter.configs().set(ConfigScope.entityResource("acme", "api"), LimitConfig.of(Limit.perHour("rph", 5)));

        assertThat(Keys.entity("tenant-b", "acme").pk()).startsWith("tenant-b#");
        assertThat(Keys.config("tenant-b", ConfigScope.entityResource("acme", "api")).pk()).startsWith("tenant-b#");
        assertThat(Keys.parseBucketPk("tenant-b#B#acme#a/b")).contains(new BucketKey("tenant-b", "acme", "a/b"));
        assertThat(Keys.parseBucketPk("tenant-b#E#acme")).isEmpty();
        assertThat(limiter.entities().get("acme").orElseThrow().displayName()).contains("Acme");
    }

    @Test
    void createTable_productionSchema_hasStreamTtlAndSparseIndex() {
        TableDescription description = table.client().describeTable(DescribeTableRequest.builder()
                .tableName(table.name()).build()).join().table();
        String ttl = table.client().describeTimeToLive(DescribeTimeToLiveRequest.builder().tableName(table.name())
                .build()).join().timeToLiveDescription().attributeName();

        assertThat(description.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(description.globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo(Attributes.GSI1));
        assertThat(ttl).isEqualTo(Attributes.TTL);
        assertThat(table.backend().createTable()).as("second create is a no-op").isFalse();
    }

    private Map<String, AttributeValue> bucketItem(BucketKey key) {
        return table.client().getItem(GetItemRequest.builder().tableName(table.name())
                .key(Keys.bucket(key).toAttributes()).build()).join().item();
    }
}
