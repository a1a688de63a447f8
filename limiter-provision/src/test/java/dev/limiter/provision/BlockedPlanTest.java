package dev.limiter.provision;

import dev.limiter.RateLimiter;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13: a plan that would destroy a parent some staying entity still has is blocked and apply refuses it, as
 * {@code limiter entity delete} refuses; against moto.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlockedPlanTest {

    private final TestTable table;
    private final LimitsProvisioning engine;
    private String namespace;
    private RateLimiter limiter;

    BlockedPlanTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
        this.engine = new LimitsProvisioning(table.client(), table.name(), 8);
    }

    @BeforeEach
    void appliedHierarchy() {
        namespace = TestTable.uniqueNamespace("b");
        limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
        engine.apply(plan(file("acme: {}\n  acme-search: {parent: acme, cascade: true}")), (c, d, t) -> { });
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void plan_parentRemovedWhileAnUnmanagedChildStays_isBlockedWithTheWayForward() {
        limiter.entities().put(Entity.child("bot", "acme").withCascade(true));

        Plan plan = plan(file("other: {}"));

        assertThat(plan.blockers()).singleElement().satisfies(blocker -> {
            assertThat(blocker.address()).isEqualTo("entity.acme");
            assertThat(blocker.message()).contains("cannot destroy entity 'acme'", "entity 'bot' still has it",
                    "keep 'acme' in the file", "limiter entity delete bot");
        });
    }

    @Test
    void apply_blockedPlan_refusesAndWritesNothing() {
        limiter.entities().put(Entity.child("bot", "acme"));
        Plan plan = plan(file("other: {}"));

        assertThatThrownBy(() -> engine.apply(plan, (c, d, t) -> { }))
                .isInstanceOf(PlanBlockedException.class).hasMessageContaining("nothing was changed");
        assertThat(limiter.entities().get("acme")).isPresent();
        assertThat(limiter.entities().get("acme-search")).isPresent();
        assertThat(limiter.entities().get("other")).isEmpty();
    }

    @Test
    void plan_parentAndChildrenAllRemoved_isNotBlocked() {
        Plan plan = plan("namespace: " + namespace + "\n");

        assertThat(plan.isBlocked()).isFalse();
        assertThat(plan.toDestroy()).isEqualTo(2);
    }

    @Test
    void plan_childMovedToAnotherParentInTheSamePlan_isNotBlockedAndApplies() {
        Plan plan = plan(file("other: {}\n  acme-search: {parent: other, cascade: true}"));

        engine.apply(plan, (c, d, t) -> { });

        assertThat(plan.isBlocked()).isFalse();
        assertThat(limiter.entities().get("acme")).isEmpty();
        assertThat(limiter.entities().get("acme-search").orElseThrow().parent()).contains("other");
    }

    @Test
    void plan_targetLeavesTheChildsDeletionOut_isBlockedSayingDropTarget() {
        Plan plan = engine.plan(engine.load(file("other: {}"), "limits.yaml"), Optional.of(Target.parse("entity:acme")));

        assertThat(plan.changes()).extracting(Change::address).containsExactly("entity.acme");
        assertThat(plan.blockers()).singleElement().extracting(Plan.Blocker::message).asString()
                .contains("entity 'acme-search' still has it", "drop --target");
    }

    @Test
    void destroyPlan_unmanagedChildOfAManagedParent_isBlocked() {
        limiter.entities().put(Entity.child("bot", "acme-search"));

        Plan plan = engine.destroyPlan(namespace);

        assertThat(plan.blockers()).extracting(Plan.Blocker::address).containsExactly("entity.acme-search");
    }

    private Plan plan(String text) {
        return engine.plan(engine.load(text, "limits.yaml"), Optional.empty());
    }

    private String file(String entities) {
        return "namespace: " + namespace + "\nentities:\n  " + entities + "\n";
    }
}
