package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM parity, limiter side: every request the acquire path makes (cold caches, single bucket, cascade, rejection,
 * commit with adjustments, rollback, check) maps to an action in {@link DynamoDbBackend#ACQUIRE_ACTIONS}, and every action
 * there is used. The CDK construct's test checks the acquire-only policy against the same list.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcquireActionsTest {

    /** API operation to the IAM actions it is authorised by (a transaction by those of its actions). */
    private static final Map<String, String> ACTION_OF = Map.of(
            "GetItem", "dynamodb:GetItem", "UpdateItem", "dynamodb:UpdateItem",
            "TransactWriteItems", "dynamodb:UpdateItem", "BatchGetItem", "dynamodb:BatchGetItem",
            "Query", "dynamodb:Query", "PutItem", "dynamodb:PutItem", "DeleteItem", "dynamodb:DeleteItem");

    private final TestTable table;

    AcquireActionsTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
    }

    @AfterAll
    void closeTable() {
        table.close();
    }

    @Test
    void acquirePath_usesExactlyTheAcquireOnlyActions() {
        RateLimiter admin = RateLimiter.builder().backend(table.backend()).namespace("iam").build();
        admin.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 3)));
        admin.entities().put(Entity.root("org"));
        admin.entities().put(Entity.child("user", "org").withCascade(true));
        RateLimiter limiter = RateLimiter.builder().backend(table.backend()).namespace("iam")
                .clock(ManualClock.create()).build();
        table.log().clear();

        Lease single = limiter.acquire(AcquireRequest.of("solo", "api").consume("rpm", 1));
        single.adjust("rpm", 1);
        single.commit();
        limiter.acquire(AcquireRequest.of("user", "api").consume("rpm", 2)).rollback();
        limiter.tryAcquire(AcquireRequest.of("solo", "api").consume("rpm", 3));
        limiter.check(AcquireRequest.of("user", "api").consume("rpm", 1));

        Set<String> used = new TreeSet<>();
        table.log().operations().forEach(operation -> used.add(ACTION_OF.get(operation)));
        assertThat(table.log().operations()).contains("GetItem", "UpdateItem", "TransactWriteItems");
        assertThat(used).containsExactlyInAnyOrderElementsOf(DynamoDbBackend.ACQUIRE_ACTIONS);
    }
}
