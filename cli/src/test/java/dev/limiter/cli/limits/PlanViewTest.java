package dev.limiter.cli.limits;

import dev.limiter.Limit;
import dev.limiter.cli.output.Terminal;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.provision.Change;
import dev.limiter.provision.Plan;
import dev.limiter.provision.Resource;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Terraform's plan format, offline. */
class PlanViewTest {

    private final StringWriter out = new StringWriter();
    private final PlanView view = new PlanView(Terminal.of(new PrintWriter(out, true), new PrintWriter(out, true),
            false, false));

    @Test
    void printPlan_createUpdateDestroy_rendersTerraformBlocksAndSummary() {
        Resource acme = new Resource.EntityResource(Entity.root("acme").withDisplayName("Acme Corp"));
        Resource limits = new Resource.Config(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        Resource old = new Resource.EntityResource(Entity.child("old", "acme"));
        Plan plan = new Plan("prod", "f", List.of(
                new Change(Change.Action.CREATE, acme, Map.of(), acme.attributes()),
                new Change(Change.Action.UPDATE, limits, Map.of("rpm.capacity", "250", "rpm.refill_amount", "100",
                        "rpm.refill_period", "1m", "tpm.capacity", "5"), limits.attributes()),
                new Change(Change.Action.DELETE, old, old.attributes(), Map.of())));

        view.printPlan(plan, "limits.yaml");

        assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                Resource actions are indicated with the following symbols:
                  + create
                  ~ update in-place
                  - destroy

                limiter will perform the following actions:

                  # entity.acme will be created
                  + entity.acme {
                      + cascade      = false
                      + display_name = "Acme Corp"
                    }

                  # limits.namespace will be updated in-place
                  ~ limits.namespace {
                      ~ rpm.capacity = 250 -> 100
                      - tpm.capacity = 5 -> null
                        # (2 unchanged attributes hidden)
                    }

                  # entity.old will be destroyed
                  - entity.old {
                      - cascade = false
                      - parent  = "acme"
                    }

                Plan: 1 to add, 1 to change, 1 to destroy.
                """);
    }

    @Test
    void printPlan_empty_saysNoChanges() {
        view.printPlan(new Plan("prod", "f", List.of()), "limits.yaml");

        assertThat(out.toString()).isEqualTo("No changes. The limits of namespace 'prod' match limits.yaml."
                + System.lineSeparator());
    }

    @Test
    void printDrift_framesChangesAsTableAgainstFile() {
        Resource limits = new Resource.Config(ConfigScope.resource("gpt-4o"), LimitConfig.of(Limit.perMinute("rpm", 5)));
        Plan drift = new Plan("prod", "f", List.of(new Change(Change.Action.CREATE, limits, Map.of(),
                limits.attributes())));

        view.printDrift(drift, "limits.yaml");

        assertThat(out.toString()).contains("Drift: namespace 'prod' differs from limits.yaml (values read table -> "
                        + "file):", "  # limits.resource.gpt-4o is in limits.yaml but missing from the table",
                "Drift: 1 missing from the table, 0 different, 0 no longer in the file.",
                "Run 'limiter limits apply -f limits.yaml' to bring the table back in line.");
    }
}
