package dev.limiter.provision;

import dev.limiter.OnUnavailable;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a limits file:
 *
 * <pre>{@code
 * namespace: prod
 * defaults:
 *   on_unavailable: block
 *   limits:
 *     rpm: {rate: 100, per: minute}
 * resources:
 *   gpt-4:
 *     limits:
 *       tpm: {rate: 10000, per: minute, burst: 15000}
 * entities:
 *   acme:
 *     display_name: Acme Corp
 *     limits:                      # acme's defaults, every resource
 *       rpm: {rate: 1000, per: minute}
 *   acme-search:
 *     parent: acme
 *     cascade: true
 *     resources:
 *       gpt-4:
 *         limits:
 *           tpm: {unlimited: true}
 * }</pre>
 *
 * Every problem is collected with its file, line and column; parsing fails with all of them at once. Semantic
 * checks that need the whole file (parents, depth) are {@link ManifestLinter}'s; {@link #parsePartly} hands them
 * what did read, so that one mistake never hides another.
 */
public final class ManifestParser {

    private static final Set<String> ROOT = Set.of("namespace", "defaults", "resources", "entities");
    private static final Set<String> DEFAULTS = Set.of("on_unavailable", "limits");
    private static final Set<String> RESOURCE = Set.of("limits");
    private static final Set<String> ENTITY = Set.of("parent", "cascade", "display_name", "metadata", "limits",
            "resources");

    private final YamlReader yaml;
    private final Map<String, SourcePosition> positions = new HashMap<>();
    private final LimitSpecReader limitSpecs;
    private final Map<ConfigScope, LimitConfig> configs = new LinkedHashMap<>();
    private final List<Entity> entities = new ArrayList<>();

    private ManifestParser(String file) {
        this.yaml = new YamlReader(file);
        this.limitSpecs = new LimitSpecReader(yaml, positions);
    }

    /**
     * Parses {@code text}, naming {@code file} in messages.
     *
     * @throws ManifestException with every error found, each with its position
     */
    public static LimitsManifest parse(String text, String file) {
        Partial partial = parsePartly(text, file);
        if (partial.problems().stream().anyMatch(ManifestProblem::isError)) {
            throw new ManifestException(partial.problems());
        }
        return partial.manifest().orElseThrow();
    }

    /**
     * What a file parsed into, errors or not.
     *
     * @param manifest everything that did read (an entity whose fields did not read is a root without them), unless
     *                 the YAML itself is malformed or empty; never applied when there are errors
     * @param problems the errors and warnings found while reading
     */
    record Partial(Optional<LimitsManifest> manifest, List<ManifestProblem> problems) {
    }

    /** Parses {@code text} as far as it reads, for linting a file with errors too. */
    static Partial parsePartly(String text, String file) {
        ManifestParser parser = new ManifestParser(file);
        Optional<LimitsManifest> manifest = parser.read(text);
        return new Partial(manifest, List.copyOf(parser.yaml.problems()));
    }

    private Optional<LimitsManifest> read(String text) {
        Optional<Node> root = compose(text);
        if (root.isEmpty()) {
            if (yaml.problems().isEmpty()) {
                yaml.problems().add(ManifestProblem.error(SourcePosition.unknown(yaml.file()),
                        "the file is empty: a limits file needs at least 'namespace:'"));
            }
            return Optional.empty();
        }
        Map<String, YamlReader.Entry> sections = yaml.mapping(root.get(), "the limits file", ROOT).orElse(Map.of());
        String namespace = namespace(root.get(), sections);
        Optional<OnUnavailable> onUnavailable = Optional.empty();
        if (sections.containsKey("defaults")) {
            onUnavailable = readDefaults(sections.get("defaults").value());
        }
        if (sections.containsKey("resources")) {
            readResources(sections.get("resources").value());
        }
        if (sections.containsKey("entities")) {
            readEntities(sections.get("entities").value());
        }
        return Optional.of(new LimitsManifest(namespace, onUnavailable, configs, entities, positions));
    }

    private Optional<Node> compose(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(yaml.file()).setAllowDuplicateKeys(true).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException malformed) {
            yaml.problems().add(malformed(malformed));
        } catch (YamlEngineException malformed) {
            yaml.problems().add(ManifestProblem.error(SourcePosition.unknown(yaml.file()),
                    "malformed YAML: " + malformed.getMessage()));
        }
        return Optional.empty();
    }

    /**
     * A YAML syntax error where it starts: an unclosed bracket or quote is reported at the bracket (the context),
     * not at the end of the file where the parser noticed, with where it noticed in the message.
     */
    private ManifestProblem malformed(MarkedYamlEngineException malformed) {
        Optional<SourcePosition> problem = malformed.getProblemMark()
                .map(mark -> new SourcePosition(yaml.file(), mark.getLine() + 1, mark.getColumn() + 1));
        Optional<SourcePosition> context = malformed.getContextMark()
                .map(mark -> new SourcePosition(yaml.file(), mark.getLine() + 1, mark.getColumn() + 1));
        if (context.isPresent() && malformed.getContext() != null && !context.equals(problem)) {
            return ManifestProblem.error(context.get(), "malformed YAML: " + malformed.getContext()
                    + " that starts here, " + malformed.getProblem() + problem.map(p -> " at line " + p.line()
                    + ", column " + p.column()).orElse("") + " (an unclosed bracket or quote?)");
        }
        return ManifestProblem.error(problem.orElse(SourcePosition.unknown(yaml.file())),
                "malformed YAML: " + malformed.getProblem());
    }

    private String namespace(Node root, Map<String, YamlReader.Entry> sections) {
        if (!sections.containsKey("namespace")) {
            yaml.error(root, "missing 'namespace:' (the namespace this file manages)");
            return "invalid";
        }
        Node node = sections.get("namespace").value();
        Optional<String> namespace = yaml.scalar(node, "namespace");
        if (namespace.isPresent() && namespace.get().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            return namespace.get();
        }
        namespace.ifPresent(n -> yaml.error(node, "namespace '" + n + "' is invalid: must match "
                + "[A-Za-z0-9][A-Za-z0-9_.-]* and be 1 to 64 characters long"));
        return "invalid";
    }

    private Optional<OnUnavailable> readDefaults(Node node) {
        Map<String, YamlReader.Entry> fields = yaml.mapping(node, "defaults", DEFAULTS).orElse(Map.of());
        if (fields.containsKey("limits")) {
            positions.put(Resource.addressOf(ConfigScope.namespace()), yaml.at(fields.get("limits").keyNode()));
            putConfig(ConfigScope.namespace(), limitSpecs.read(fields.get("limits").value(), "limits.namespace"));
        }
        if (!fields.containsKey("on_unavailable")) {
            return Optional.empty();
        }
        Node policy = fields.get("on_unavailable").value();
        Optional<String> text = yaml.scalar(policy, "on_unavailable");
        if (text.isPresent() && (text.get().equals("block") || text.get().equals("allow"))) {
            positions.put("settings", yaml.at(fields.get("on_unavailable").keyNode()));
            return Optional.of(OnUnavailable.valueOf(text.get().toUpperCase()));
        }
        text.ifPresent(t -> yaml.error(policy, "on_unavailable is '" + t + "': must be block or allow"));
        return Optional.empty();
    }

    private void readResources(Node node) {
        for (YamlReader.Entry entry : yaml.mapping(node, "resources", Set.of()).orElse(Map.of()).values()) {
            if (!validIdentifier(entry, "resource", "[A-Za-z0-9][A-Za-z0-9_.:@/-]{0,255}")) {
                continue;
            }
            yaml.mapping(entry.value(), "resource '" + entry.key() + "'", RESOURCE).ifPresent(fields -> {
                if (fields.containsKey("limits")) {
                    ConfigScope scope = ConfigScope.resource(entry.key());
                    positions.put(Resource.addressOf(scope), yaml.at(entry.keyNode()));
                    putConfig(scope, limitSpecs.read(fields.get("limits").value(), Resource.addressOf(scope)));
                }
            });
        }
    }

    private void readEntities(Node node) {
        for (YamlReader.Entry entry : yaml.mapping(node, "entities", Set.of()).orElse(Map.of()).values()) {
            if (validIdentifier(entry, "entity", "[A-Za-z0-9][A-Za-z0-9_.:@-]{0,255}")) {
                Optional<Map<String, YamlReader.Entry>> fields = yaml.mapping(entry.value(), "entity '" + entry.key()
                        + "'", ENTITY);
                if (fields.isPresent()) {
                    readEntity(entry, fields.get());
                } else {
                    // Declared, so its children's parent checks hold; the mapping error is already reported.
                    positions.put("entity." + entry.key(), yaml.at(entry.keyNode()));
                    entities.add(Entity.root(entry.key()));
                }
            }
        }
    }

    private void readEntity(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields) {
        new EntitySpecReader(yaml, positions, limitSpecs, this::putConfig).read(entry, fields).ifPresent(entities::add);
    }

    private boolean validIdentifier(YamlReader.Entry entry, String what, String pattern) {
        if (entry.key().matches(pattern)) {
            return true;
        }
        yaml.error(entry.keyNode(), what + " '" + entry.key() + "' is invalid: must match "
                + pattern.replaceAll("\\{.*}$", "*") + " and be 1 to 256 characters long");
        return false;
    }

    private void putConfig(ConfigScope scope, LimitConfig config) {
        configs.put(scope, config);
    }
}
