package dev.limiter.cli.limits;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.limiter.provision.ManifestLinter;
import dev.limiter.provision.ManifestParser;
import dev.limiter.provision.ManifestProblem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code examples/*.yaml} parse and lint clean, and validate against {@code schema/limits.schema.json};
 * the schema rejects what the parser rejects (a sample of it).
 */
class ExamplesTest {

    private static final Path ROOT = Path.of(System.getProperty("limiter.root", "..")).toAbsolutePath().normalize();

    @Test
    void examples_everyFile_parsesAndLintsWithoutProblems() throws IOException {
        List<Path> examples = examples();

        assertThat(examples).extracting(path -> path.getFileName().toString())
                .contains("llm-gateway.yaml", "multi-tenant-api.yaml");
        for (Path example : examples) {
            String file = example.getFileName().toString();
            List<ManifestProblem> problems = new ManifestLinter(Session.MAX_DEPTH)
                    .lint(ManifestParser.parse(Files.readString(example), file), file);
            assertThat(problems).as(file).isEmpty();
        }
    }

    @Test
    void examples_everyFile_validatesAgainstTheSchema() throws IOException {
        Schema schema = schema();

        for (Path example : examples()) {
            List<Error> errors = schema.validate(Files.readString(example), InputFormat.YAML);
            assertThat(errors).as(example.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void schema_rejectsWhatTheParserRejects() throws IOException {
        Schema schema = schema();

        assertThat(schema.validate("entities: {}", InputFormat.YAML)).as("no namespace").isNotEmpty();
        assertThat(schema.validate("namespace: ns\nbogus: 1", InputFormat.YAML)).as("unknown field").isNotEmpty();
        assertThat(schema.validate("namespace: ns\nentities:\n  a: {limits: {rpm: {rate: 5, per: minute, burts: 9}}}",
                InputFormat.YAML)).as("unknown limit field").isNotEmpty();
        assertThat(schema.validate("namespace: ns\nentities:\n  a: {limits: {rpm: {rate: 5, capacity: 9}}}",
                InputFormat.YAML)).as("mixed forms").isNotEmpty();
        assertThat(schema.validate("namespace: ns\nentities:\n  'a b': {}", InputFormat.YAML)).as("bad id")
                .isNotEmpty();
        assertThat(schema.validate("namespace: ns\nresources:\n  gpt: {limits: {rpm: {rate: 0, per: minute}}}",
                InputFormat.YAML)).as("zero rate").isNotEmpty();
        assertThat(schema.validate("namespace: ns\ndefaults: {on_unavailable: maybe}", InputFormat.YAML))
                .as("bad policy").isNotEmpty();
    }

    @Test
    void schema_acceptsEveryFormTheParserAccepts() throws IOException {
        String text = """
                namespace: ns
                defaults: {on_unavailable: allow, limits: {rpm: {rate: "100", per: 1m}}}
                resources:
                  openai/gpt-4o: {limits: {tpm: {capacity: 15, refill_amount: 10, refill_period: PT90S}}}
                entities:
                  org: {display_name: 42, metadata: {tier: gold, seats: 12}}
                  "user:42@x": {parent: org, cascade: "true", resources: {gpt: {limits: {tpm: {unlimited: true}}}}}
                """;

        assertThat(schema().validate(text, InputFormat.YAML)).isEmpty();
        assertThat(new ManifestLinter(Session.MAX_DEPTH).lint(ManifestParser.parse(text, "forms.yaml"), "forms.yaml"))
                .isEmpty();
    }

    @Test
    void schema_localAllowance_acceptsAndRejectsWhatTheParserDoes() throws IOException {
        Schema schema = schema();
        String accepted = """
                namespace: ns
                defaults:
                  limits:
                    a: {rate: 5, per: minute, local: true}
                    b: {rate: 5, per: minute, local: false}
                    c: {capacity: 9, refill_amount: 5, refill_period: 30s, local: {max_share: 0.25, max_hold: 500ms}}
                    d: {rate: 5, per: minute, local: {max_share: "1"}}
                """;

        assertThat(schema.validate(accepted, InputFormat.YAML)).isEmpty();
        assertThat(ManifestParser.parse(accepted, "local.yaml").configs()).hasSize(1);
        for (String rejected : List.of("{max_share: 1.5}", "{max_share: 0}", "{maxShare: 0.1}", "yes",
                "{max_hold: soon}")) {
            String text = "namespace: ns\ndefaults: {limits: {rpm: {rate: 5, per: minute, local: " + rejected + "}}}";
            assertThat(schema.validate(text, InputFormat.YAML)).as(rejected).isNotEmpty();
        }
    }

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(ROOT.resolve("schema/limits.schema.json")), InputFormat.JSON);
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            return files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
