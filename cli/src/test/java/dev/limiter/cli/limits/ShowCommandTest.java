package dev.limiter.cli.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.Limit;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import dev.limiter.provision.Change;
import dev.limiter.provision.Plan;
import dev.limiter.provision.PlanFile;
import dev.limiter.provision.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: {@code limits show PLANFILE} prints a saved plan offline, as plan printed it. */
class ShowCommandTest {

    @TempDir
    Path dir;

    @Test
    void show_savedPlan_printsItsContextAndChangesLikePlan() {
        Path saved = save();

        CliRun run = CliRun.of("limits", "show", saved.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Saved plan " + saved + ": namespace 'prod' of table 'limits', from limits.yaml.",
                "  # entity.acme will be created", "  + entity.acme {", "  ~ limits.namespace {",
                "      ~ rpm.capacity = 250 -> 100", "Plan: 1 to add, 1 to change, 0 to destroy.");
    }

    @Test
    void showJson_savedPlan_givesTypedValues() throws Exception {
        CliRun run = CliRun.of("limits", "show", save().toString(), "--output", "json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.path("kind").asText()).isEqualTo("saved_plan");
        assertThat(document.path("changes").path(1).path("after").path("rpm.capacity").isNumber()).isTrue();
    }

    @Test
    void show_limitsFileInsteadOfAPlan_saysWhatItIs() {
        Path yaml = LimitsFiles.write(dir, "limits.yaml", LimitsFiles.standard("prod", 10));

        CliRun run = CliRun.of("limits", "show", yaml.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("is not a plan file saved by 'limiter limits plan --out': it looks like a "
                + "limits file");
    }

    private Path save() {
        Resource acme = new Resource.EntityResource(Entity.root("acme"));
        Resource limits = new Resource.Config(ConfigScope.namespace(), LimitConfig.of(Limit.perMinute("rpm", 100)));
        Plan plan = new Plan("prod", "f", List.of(new Change(Change.Action.CREATE, acme, Map.of(), acme.attributes()),
                new Change(Change.Action.UPDATE, limits, Map.of("rpm.capacity", "250", "rpm.refill_amount", "100",
                        "rpm.refill_period", "1m"), limits.attributes())));
        Path file = dir.resolve("plan.json");
        PlanFile.of(plan, "limits", "limits.yaml", "namespace: prod\n", Optional.empty()).save(file);
        return file;
    }
}
