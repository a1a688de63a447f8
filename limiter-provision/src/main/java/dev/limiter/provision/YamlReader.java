package dev.limiter.provision;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML nodes of one file and records every problem with its position instead of stopping at the first, so one
 * run of {@code limiter limits validate} reports them all. Not thread-safe.
 */
final class YamlReader {

    /** One key of a mapping, with the nodes of the key and the value. */
    record Entry(String key, Node keyNode, Node value) {
    }

    private final String file;
    private final List<ManifestProblem> problems = new ArrayList<>();

    YamlReader(String file) {
        this.file = file;
    }

    List<ManifestProblem> problems() {
        return problems;
    }

    String file() {
        return file;
    }

    SourcePosition at(Node node) {
        return node.getStartMark().map(mark -> new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1))
                .orElse(SourcePosition.unknown(file));
    }

    void error(Node node, String message) {
        problems.add(ManifestProblem.error(at(node), message));
    }

    /**
     * The entries of a mapping in file order; reports a non-mapping, duplicate keys and, if {@code allowed} is not
     * empty, unknown keys with a suggestion.
     */
    Optional<Map<String, Entry>> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            error(node, what + " must be a mapping of keys to values");
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (key.isEmpty()) {
                continue;
            }
            if (entries.containsKey(key.get())) {
                SourcePosition first = at(entries.get(key.get()).keyNode());
                error(tuple.getKeyNode(), "duplicate key '" + key.get() + "' in " + what + " (first at line "
                        + first.line() + ")");
                continue;
            }
            if (!allowed.isEmpty() && !allowed.contains(key.get())) {
                error(tuple.getKeyNode(), "unknown field '" + key.get() + "' in " + what
                        + Suggestions.closest(key.get(), allowed).map(s -> "; did you mean '" + s + "'?")
                                .orElse("; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))));
                continue;
            }
            entries.put(key.get(), new Entry(key.get(), tuple.getKeyNode(), tuple.getValueNode()));
        }
        return Optional.of(entries);
    }

    /** The text of a scalar; reports anything else. */
    Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        error(node, what + " must be a single value, not a mapping or a list");
        return Optional.empty();
    }

    /** A whole number in {@code [1, max]}. */
    Optional<Long> positive(Node node, String what, long max) {
        Optional<String> text = scalar(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.get().trim());
            if (value >= 1 && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        error(node, what + " is '" + text.get() + "': must be a whole number between 1 and " + max);
        return Optional.empty();
    }

    /** {@code true} or {@code false}. */
    Optional<Boolean> bool(Node node, String what) {
        Optional<String> text = scalar(node, what);
        if (text.isPresent() && (text.get().equals("true") || text.get().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(text.get()));
        }
        text.ifPresent(t -> error(node, what + " is '" + t + "': must be true or false"));
        return Optional.empty();
    }
}
