package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The plan/apply engine against a real DynamoDB API (moto): the Terraform-style life cycle of a limits file. */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningTest {

    private final TestTable table;
    private final LimitsProvisioning engine;
    private String namespace;
    private RateLimiter limiter;

    ProvisioningTest(DynamoDbTestEndpoint endpoint) {
        this.table = TestTable.create(endpoint);
        this.engine = new LimitsProvisioning(table.client(), table.name(), 8);
    }

    @BeforeEach
    void freshNamespace() {
        namespace = TestTable.uniqueNamespace("p");
        limiter = RateLimiter.builder().backend(table.backend()).namespace(namespace).build();
    }

    @AfterAll
    void closeClient() {
        table.close();
    }

    @Test
    void planApplyPlan_freshNamespace_createsEverythingThenShowsNoChanges() {
        Plan first = plan(file("rpm: {rate: 100, per: minute}"));

        engine.apply(first, (change, done, total) -> { });

        assertThat(first.summary()).isEqualTo("Plan: 4 to add, 0 to change, 0 to destroy.");
        assertThat(first.changes()).extracting(Change::address).containsExactly("settings", "entity.acme",
                "entity.acme-search", "limits.namespace");
        assertThat(plan(file("rpm: {rate: 100, per: minute}")).summary()).isEqualTo("No changes.");
        assertThat(limiter.entities().get("acme-search").orElseThrow().cascade()).isTrue();
    }

    @Test
    void apply_newHierarchy_writesParentsBeforeChildren() {
        java.util.List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();

        engine.apply(plan(file("rpm: {rate: 100, per: minute}")), (change, done, total) -> applied.add(change.address()));

        assertThat(applied.indexOf("entity.acme")).isLessThan(applied.indexOf("entity.acme-search"));
    }

    @Test
    void plan_limitChangedByHand_showsTheDriftAsAnUpdateThatApplyReverts() {
        engine.apply(plan(file("rpm: {rate: 100, per: minute}")), (c, d, t) -> { });
        limiter.configs().set(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 250)));

        Plan drift = plan(file("rpm: {rate: 100, per: minute}"));
        engine.apply(drift, (c, d, t) -> { });

        assertThat(drift.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(Change.Action.UPDATE);
            assertThat(change.before()).containsEntry("rpm.capacity", "250");
            assertThat(change.after()).containsEntry("rpm.capacity", "100");
        });
        assertThat(limiter.configs().get(ConfigScope.namespace()).orElseThrow().limits())
                .containsExactly(Limit.perMinute("rpm", 100));
    }

    @Test
    void plan_itemsTheFileNeverManaged_areLeftAlone() {
        limiter.entities().put(Entity.root("hand-made"));
        limiter.configs().set(ConfigScope.resource("legacy"), LimitConfig.of(Limit.perHour("rph", 5)));

        Plan plan = plan(file("rpm: {rate: 100, per: minute}"));

        assertThat(plan.changes()).extracting(Change::action).doesNotContain(Change.Action.DELETE);
    }

    @Test
    void plan_managedItemRemovedFromFile_isDestroyedChildrenAfterConfigs() {
        engine.apply(plan(file("rpm: {rate: 100, per: minute}")), (c, d, t) -> { });

        Plan plan = plan("namespace: " + namespace + "\n");

        assertThat(plan.changes()).extracting(Change::action, Change::address).containsExactly(
                tuple(Change.Action.DELETE, "limits.namespace"), tuple(Change.Action.DELETE, "entity.acme-search"),
                tuple(Change.Action.DELETE, "entity.acme"), tuple(Change.Action.DELETE, "settings"));
    }

    @Test
    void savedPlan_unchangedTable_appliesExactlyTheSavedChanges(@TempDir Path dir) {
        String text = file("rpm: {rate: 100, per: minute}");
        PlanFile.of(plan(text), table.name(), "limits.yaml", text, Optional.empty()).save(dir.resolve("plan.json"));

        Plan replanned = engine.replan(PlanFile.load(dir.resolve("plan.json")));
        engine.apply(replanned, (c, d, t) -> { });

        assertThat(replanned.toAdd()).isEqualTo(4);
        assertThat(plan(text).isEmpty()).isTrue();
    }

    @Test
    void savedPlan_tableChangedSince_isRefusedAsStale(@TempDir Path dir) {
        String text = file("rpm: {rate: 100, per: minute}");
        PlanFile.of(plan(text), table.name(), "limits.yaml", text, Optional.empty()).save(dir.resolve("plan.json"));
        limiter.entities().put(Entity.root("someone-else"));

        assertThatThrownBy(() -> engine.replan(PlanFile.load(dir.resolve("plan.json"))))
                .isInstanceOf(StalePlanException.class).hasMessageContaining("changed since the plan was saved");
    }

    @Test
    void export_thenPlan_showsNoChanges() {
        limiter.entities().put(Entity.root("org").withDisplayName("The \"Org\"").withMetadata(java.util.Map.of("k", "v: 1")));
        limiter.entities().put(Entity.child("user:42@x", "org").withCascade(true));
        limiter.configs().set(ConfigScope.entityResource("user:42@x", "openai/gpt-4o"),
                LimitConfig.of(Limit.of("tpm", 15, 10, java.time.Duration.ofSeconds(90))).withUnlimited("rpm"));
        engine.apply(plan(file("rpm: {rate: 100, per: minute}")), (c, d, t) -> { });

        String exported = engine.export(namespace, false);

        assertThat(plan(exported).summary()).as(exported).isEqualTo("No changes.");
    }

    @Test
    void exportWithAdopt_thenRemovingFromFile_destroysTheAdoptedItem() {
        limiter.entities().put(Entity.root("legacy"));
        engine.export(namespace, true);

        Plan plan = plan("namespace: " + namespace + "\n");

        assertThat(plan.changes()).extracting(Change::address).containsExactly("entity.legacy");
    }

    @Test
    void plan_withTarget_coversOnlyThatEntity() {
        Plan plan = engine.plan(engine.load(file("rpm: {rate: 100, per: minute}"), "limits.yaml"),
                Optional.of(Target.parse("entity:acme-search")));

        assertThat(plan.changes()).extracting(Change::address).containsExactly("entity.acme-search");
    }

    @Test
    void plan_fromLiveStateReadEarlier_equalsThePlanThatReadsItItself() {
        LimitsManifest manifest = engine.load(file("rpm: {rate: 100, per: minute}"), "limits.yaml");
        limiter.entities().put(Entity.root("acme"));

        Plan plan = engine.plan(manifest, engine.live(namespace), Optional.empty());

        assertThat(plan).isEqualTo(engine.plan(manifest, Optional.empty()));
        assertThat(plan.summary()).isEqualTo("Plan: 3 to add, 1 to change, 0 to destroy.");
    }

    @Test
    void plan_fromAnotherNamespacesLiveState_isRefused() {
        LimitsManifest manifest = engine.load(file("rpm: {rate: 100, per: minute}"), "limits.yaml");

        assertThatThrownBy(() -> engine.plan(manifest, engine.live(namespace + "-other"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namespace '" + namespace + "-other'");
    }

    @Test
    void apply_interruptedPartWay_convergesWhenRunAgain() {
        String text = file("rpm: {rate: 100, per: minute}");
        Plan plan = plan(text);

        assertThatThrownBy(() -> engine.apply(plan, (change, done, total) -> {
            if (done == 2) {
                throw new IllegalStateException("killed");
            }
        })).isInstanceOf(ApplyException.class).hasMessageContaining("run plan and apply again");
        engine.apply(plan(text), (c, d, t) -> { });

        assertThat(plan(text).isEmpty()).isTrue();
    }

    @Test
    void planApplyPlan_twoThousandEntities_convergesAndReplansClean() {
        StringBuilder text = new StringBuilder("namespace: " + namespace + "\nentities:\n  org: {}\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("  user-").append(i).append(": {parent: org, cascade: true, limits: {rpm: {rate: ")
                    .append(10 + i % 7).append(", per: minute}}}\n");
        }
        int[] progress = {0};

        engine.apply(plan(text.toString()), (change, done, total) -> progress[0] = Math.max(progress[0], done));

        assertThat(progress[0]).isEqualTo(4_001);
        assertThat(plan(text.toString()).summary()).isEqualTo("No changes.");
    }

    private Plan plan(String text) {
        return engine.plan(engine.load(text, "limits.yaml"), Optional.empty());
    }

    private String file(String namespaceLimit) {
        return """
                namespace: %s
                defaults:
                  on_unavailable: block
                  limits:
                    %s
                entities:
                  acme: {display_name: Acme}
                  acme-search: {parent: acme, cascade: true}
                """.formatted(namespace, namespaceLimit);
    }
}
