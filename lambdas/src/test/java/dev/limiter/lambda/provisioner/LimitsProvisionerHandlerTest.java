package dev.limiter.lambda.provisioner;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.audit.AuditEntry;
import dev.limiter.dynamodb.audit.AuditLog;
import dev.limiter.dynamodb.audit.AuditQuery;
import dev.limiter.dynamodb.testkit.RequestLog;
import dev.limiter.entity.Entity;
import dev.limiter.internal.Futures;
import dev.limiter.lambda.TestContext;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded CloudFormation custom-resource events (Create, Update, Delete, a bad manifest) through the handler, against
 * moto, with a loopback server standing in for the pre-signed response URL.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LimitsProvisionerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbAsyncClient client;
    private final String table;
    private final HttpServer responses;
    private final List<Map<String, Object>> answers = new CopyOnWriteArrayList<>();
    private final LimitsProvisionerHandler handler;
    private final RequestLog calls = new RequestLog();
    private final List<String> metrics = new CopyOnWriteArrayList<>();

    LimitsProvisionerHandlerTest(DynamoDbTestEndpoint endpoint) throws IOException {
        this.client = endpoint.newAsyncClient(calls);
        this.table = endpoint.tableName();
        DynamoDbBackend.builder().client(client).tableName(table).build().createTable();
        this.responses = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        responses.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> answer = JSON.readValue(body.readAllBytes(), Map.class);
                answers.add(answer);
                exchange.sendResponseHeaders(200, -1);
            }
        });
        responses.start();
        this.handler = new LimitsProvisionerHandler(client, "unused-default", new ResponseSender(), metrics::add);
    }

    @AfterAll
    void stop() {
        responses.stop(0);
        client.close();
    }

    @Test
    void createUpdateDelete_recordedEvents_applyThenConvergeThenRemoveOnlyManagedItems() {
        RateLimiter limiter = RateLimiter.builder().backend(DynamoDbBackend.builder().client(client).tableName(table)
                .build()).namespace("cfn-test").build();
        limiter.entities().put(Entity.root("hand-made"));

        Map<String, Object> created = handle("create.json");
        Map<String, Object> updated = handle("update.json");
        List<String> afterUpdate = limiter.entities().list().stream().map(Entity::id).toList();
        long rpm = limiter.configs().get(ConfigScope.namespace()).orElseThrow().limits().get(0).capacity();
        Map<String, Object> deleted = handle("delete.json");

        assertThat(created).containsEntry("Status", "SUCCESS").containsEntry("PhysicalResourceId",
                "limits:" + table + ":cfn-test").containsEntry("Data", Map.of("Added", 4, "Changed", 0, "Destroyed", 0));
        assertThat(updated).containsEntry("Status", "SUCCESS")
                .containsEntry("Data", Map.of("Added", 0, "Changed", 1, "Destroyed", 2));
        assertThat(afterUpdate).containsExactly("acme", "hand-made");
        assertThat(rpm).isEqualTo(200);
        assertThat(deleted).containsEntry("Status", "SUCCESS").containsEntry("Data", Map.of("Added", 0, "Changed", 0,
                "Destroyed", 2));
        assertThat(limiter.entities().list()).extracting(Entity::id).containsExactly("hand-made");
        assertThat(limiter.configs().list()).isEmpty();
    }

    @Test
    void create_manifestWithLocalAllowance_storesItWithTheLimit() {
        CloudFormationCustomResourceEvent event = event("create.json");
        event.getResourceProperties().put("Manifest", "namespace: cfn-local\ndefaults:\n  limits:\n"
                + "    rpm: {rate: 100, per: minute, local: {max_share: 0.2, max_hold: 500ms}}\n");

        handler.handleRequest(event, new TestContext());

        RateLimiter limiter = RateLimiter.builder().backend(DynamoDbBackend.builder().client(client).tableName(table)
                .build()).namespace("cfn-local").build();
        assertThat(answers.get(answers.size() - 1)).containsEntry("Status", "SUCCESS");
        assertThat(limiter.configs().get(ConfigScope.namespace()).orElseThrow().limits()).containsExactly(
                Limit.perMinute("rpm", 100).withLocalAllowance(LocalAllowance.of(0.2, Duration.ofMillis(500))));
    }

    @Test
    void createThenDelete_recordEveryChangeInTheAuditTrail_withTheStackAndTheRequest() {
        String stack = "arn:aws:cloudformation:us-east-1:123456789012:stack/limiter-dev/"
                + "5b3c2a10-cbb5-11ef-9a4d-0e9f1c2b3d4e";
        CloudFormationCustomResourceEvent create = event("create.json");
        create.getResourceProperties().put("Manifest", "namespace: cfn-audit\ndefaults:\n  limits:\n"
                + "    rpm: {rate: 100, per: minute}\nentities:\n  acme: {display_name: Acme}\n");
        handler.handleRequest(create, new TestContext());
        CloudFormationCustomResourceEvent delete = event("delete.json");
        delete.setPhysicalResourceId("limits:" + table + ":cfn-audit");
        handler.handleRequest(delete, new TestContext());

        List<AuditEntry> entries = Futures.join(AuditLog.list(client, table, "cfn-audit",
                new AuditQuery(Instant.EPOCH, Instant.now().plusSeconds(60), "", "", 100))).entries();
        assertThat(entries).hasSize(4).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("cloudformation:" + stack);
            assertThat(entry.source()).isEqualTo("provisioner");
        });
        assertThat(entries).filteredOn(entry -> entry.action().equals("create")).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.reason())
                        .isEqualTo("Create of LimitsFile (CloudFormation request c2a9f8e4-6f0b-4c9e-9d1a-7f3e2b1c0a9d)"));
        assertThat(entries).filteredOn(entry -> entry.action().equals("delete")).hasSize(2)
                .allSatisfy(entry -> assertThat(entry.reason())
                        .isEqualTo("Delete of LimitsFile (CloudFormation request 9e8d7c6b-2222-4333-8444-955566667777)"));
    }

    @Test
    void create_manifestWithErrors_answersFailedWithLineAndColumn() {
        Map<String, Object> answer = handle("create-bad-manifest.json");

        assertThat(answer).containsEntry("Status", "FAILED").containsEntry("LogicalResourceId", "LimitsFile")
                .containsEntry("RequestId", "5a4b3c2d-3333-4444-8555-966677778888");
        assertThat(answer.get("Reason").toString()).contains("Manifest:3:10: error: unknown field 'parnet'",
                "did you mean 'parent'?");
        assertThat(answer.get("PhysicalResourceId")).isEqualTo("test-log-stream");
    }

    @Test
    void create_manifestWithErrors_publishesAFailureMetricForTheAlarm() {
        metrics.clear();

        handle("create-bad-manifest.json");

        assertThat(metrics).singleElement().asString()
                .contains("\"Namespace\":\"Limiter\"", "\"Name\":\"ProvisionerFailures\"", "\"ProvisionerFailures\":1");
    }

    @Test
    void createUpdateDelete_recordedEvents_callOnlyTheActionsOfTheProvisionerPolicy() {
        calls.clear();

        handle("create.json");
        handle("update.json");
        handle("delete.json");

        // The policy (infra-cdk PolicyActions.PROVISIONER plus Query on the index) pins the same list.
        assertThat(calls.operations()).containsExactlyInAnyOrder("GetItem", "PutItem", "DeleteItem", "Query");
        assertThat(metrics).last().asString().contains("\"ProvisionerFailures\":0");
    }

    @Test
    void delete_ofACreateThatFailed_deletesNothingAndSucceeds() {
        RateLimiter limiter = RateLimiter.builder().backend(DynamoDbBackend.builder().client(client).tableName(table)
                .build()).namespace("cfn-other").build();
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 1)));
        CloudFormationCustomResourceEvent event = event("delete.json");
        event.setPhysicalResourceId("test-log-stream");

        handler.handleRequest(event, new TestContext());

        assertThat(answers.get(answers.size() - 1)).containsEntry("Status", "SUCCESS");
        assertThat(limiter.configs().list()).hasSize(1);
    }

    private Map<String, Object> handle(String recorded) {
        handler.handleRequest(event(recorded), new TestContext());
        return answers.get(answers.size() - 1);
    }

    private CloudFormationCustomResourceEvent event(String recorded) {
        CloudFormationCustomResourceEvent event = EventLoader.loadCloudFormationCustomResourceEvent(
                "cloudformation/" + recorded);
        event.setResponseUrl("http://127.0.0.1:" + responses.getAddress().getPort() + "/response?X-Amz-Signature=x");
        event.getResourceProperties().put("TableName", table);
        if (event.getPhysicalResourceId() != null && event.getPhysicalResourceId().startsWith("limits:")) {
            event.setPhysicalResourceId("limits:" + table + ":cfn-test");
        }
        return event;
    }
}
