package dev.limiter.dynamodb;

import dev.limiter.dynamodb.schema.Attributes;
import dev.limiter.dynamodb.schema.TableSchema;
import dev.limiter.dynamodb.table.LimiterTable;
import dev.limiter.dynamodb.testkit.FaultProxy;
import dev.limiter.dynamodb.testkit.RequestLog;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LimiterTable#create()} is idempotent and always leaves TTL and the stream on (issue 9, item 7): a first
 * {@code CreateTable} that was applied but not answered (as when it outlives the attempt timeout on a slow fresh
 * server) makes the SDK's retry answer {@code ResourceInUseException}, which must not skip the settings.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateTableTest {

    private final DynamoDbTestEndpoint endpoint;
    private final FaultProxy faults;
    private final RequestLog log = new RequestLog();
    private final DynamoDbAsyncClient client;

    CreateTableTest(DynamoDbTestEndpoint endpoint) throws IOException {
        this.endpoint = endpoint;
        this.faults = new FaultProxy(endpoint.endpoint());
        this.client = endpoint.applyTo(DynamoDbAsyncClient.builder()).endpointOverride(faults.endpoint())
                .overrideConfiguration(o -> o.addExecutionInterceptor(log)
                        .apiCallAttemptTimeout(DynamoDbTestEndpoint.API_CALL_ATTEMPT_TIMEOUT)
                        .apiCallTimeout(DynamoDbTestEndpoint.API_CALL_TIMEOUT))
                .build();
    }

    @AfterAll
    void close() {
        faults.close();
        client.close();
    }

    @Test
    void create_firstAttemptAppliedButUnanswered_retryFindsTableInUseAndStillEnablesTtlAndStream() {
        LimiterTable table = new LimiterTable(client, endpoint.tableName("unanswered"));
        faults.arm(FaultProxy.Fault.APPLY_THEN_FAIL, 1, "CreateTable");
        log.clear();

        boolean created = table.create();

        assertThat(log.counts()).containsEntry("CreateTable", 2);
        assertThat(created).as("the retry was answered 'in use'").isFalse();
        assertThat(table.describe().orElseThrow().status()).isEqualTo("ACTIVE");
        assertTtlAndStream(table.describe().orElseThrow().name());
    }

    @Test
    void create_existingTableWithoutTtlOrStream_enablesBoth() {
        String name = endpoint.tableName("bare");
        client.createTable(TableSchema.createTableRequest(name).toBuilder()
                .streamSpecification((StreamSpecification) null).build()).join();

        boolean created = new LimiterTable(client, name).create();

        assertThat(created).isFalse();
        assertTtlAndStream(name);
    }

    @Test
    void create_calledAgainOnACompleteTable_changesNothing() {
        LimiterTable table = new LimiterTable(client, endpoint.tableName("twice"));
        assertThat(table.create()).isTrue();
        log.clear();

        boolean created = table.create();

        assertThat(created).isFalse();
        assertThat(log.operations()).doesNotContain("UpdateTable", "UpdateTimeToLive");
        assertTtlAndStream(endpoint.tableName("twice"));
    }

    private void assertTtlAndStream(String name) {
        TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(name)).join().timeToLiveDescription();
        StreamSpecification stream = client.describeTable(r -> r.tableName(name)).join().table().streamSpecification();
        assertThat(ttl.timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLED, TimeToLiveStatus.ENABLING);
        assertThat(ttl.attributeName()).isEqualTo(Attributes.TTL);
        assertThat(stream.streamEnabled()).isTrue();
        assertThat(stream.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    }
}
