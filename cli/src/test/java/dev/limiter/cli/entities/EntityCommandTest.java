package dev.limiter.cli.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.cli.CliRun;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.TableCommandTest;
import dev.limiter.cli.TestTable;
import dev.limiter.entity.Entity;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code limiter entity create | get | list | children | delete} against moto. */
class EntityCommandTest extends TableCommandTest {

    private String namespace;

    EntityCommandTest(DynamoDbTestEndpoint endpoint) {
        super(endpoint);
    }

    @BeforeEach
    void freshNamespace() {
        namespace = TestTable.freshNamespace("ent");
    }

    @Test
    void create_thenGet_showsEveryField() {
        CliRun create = entity("create", "acme", "--display-name", "Acme Corp", "--metadata", "tier=gold");
        entity("create", "acme-search", "--parent", "acme", "--cascade");

        CliRun get = entity("get", "acme-search");

        assertThat(create.exitCode()).as(create.output()).isEqualTo(ExitCode.OK);
        assertThat(create.out()).contains("Entity 'acme' created in namespace '" + namespace + "'.");
        assertThat(get.exitCode()).as(get.output()).isEqualTo(ExitCode.OK);
        assertThat(get.out()).contains("id:           acme-search", "parent:       acme", "cascade:      true");
        assertThat(table.limiter(namespace).entities().get("acme").orElseThrow())
                .isEqualTo(Entity.root("acme").withDisplayName("Acme Corp").withMetadata(Map.of("tier", "gold")));
    }

    @Test
    void create_existing_isRefusedUnlessReplace() {
        entity("create", "acme");

        CliRun again = entity("create", "acme", "--display-name", "New");
        CliRun replaced = entity("create", "acme", "--display-name", "New", "--replace");

        assertThat(again.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(again.err()).contains("entity 'acme' already exists in namespace '" + namespace
                + "': pass --replace to replace it");
        assertThat(replaced.exitCode()).as(replaced.output()).isEqualTo(ExitCode.OK);
        assertThat(table.limiter(namespace).entities().get("acme").orElseThrow().displayName()).contains("New");
    }

    @Test
    void create_unknownParent_failsWithTheLibrarysMessage() {
        CliRun run = entity("create", "orphan", "--parent", "nobody");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("parent 'nobody' of entity 'orphan' does not exist in namespace '" + namespace);
    }

    @Test
    void create_badIdentifier_namesTheFieldAndTheRule() {
        CliRun run = entity("create", "bad id");

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("entity id", "bad id");
    }

    @Test
    void listAndChildren_showTablesSortedById() {
        entity("create", "org");
        entity("create", "team-b", "--parent", "org", "--cascade");
        entity("create", "team-a", "--parent", "org", "--display-name", "Team A");

        CliRun list = entity("list");
        CliRun children = entity("children", "org");

        assertThat(list.out()).containsPattern("(?m)^id\\s+parent\\s+cascade\\s+display name$")
                .containsPattern("(?m)^org\\s+-\\s+false$")
                .containsPattern("(?m)^team-a\\s+org\\s+false\\s+Team A$");
        assertThat(children.out().lines().skip(1).map(line -> line.split("\\s+")[0]))
                .containsExactly("team-a", "team-b");
    }

    @Test
    void list_json_isAnArrayOfEntities() throws Exception {
        entity("create", "org", "--metadata", "k=v");

        CliRun list = entity("list", "--output", "json");

        JsonNode document = new ObjectMapper().readTree(list.out());
        assertThat(document).hasSize(1);
        assertThat(document.get(0).path("id").asText()).isEqualTo("org");
        assertThat(document.get(0).path("metadata").path("k").asText()).isEqualTo("v");
    }

    @Test
    void delete_withChildren_isRefusedUnlessRecursive() {
        entity("create", "org");
        entity("create", "team", "--parent", "org");
        entity("create", "user", "--parent", "team");

        CliRun refused = entity("delete", "org");
        CliRun recursive = entity("delete", "org", "--recursive");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).contains("entity 'org' has 1 child (e.g. 'team'): delete them first, or pass "
                + "--recursive to delete them too");
        assertThat(recursive.exitCode()).as(recursive.output()).isEqualTo(ExitCode.OK);
        assertThat(recursive.out()).contains("Deleted 3 entities.");
        assertThat(table.limiter(namespace).entities().list()).isEmpty();
    }

    @Test
    void getAndDelete_unknownEntity_failWithNotFound() {
        CliRun get = entity("get", "ghost");
        CliRun delete = entity("delete", "ghost");

        assertThat(get.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(get.err()).contains("entity 'ghost' does not exist in namespace '" + namespace + "'");
        assertThat(delete.exitCode()).isEqualTo(ExitCode.ERROR);
    }

    private CliRun entity(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "entity";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--namespace";
        full[args.length + 2] = namespace;
        return table.run(full);
    }
}
