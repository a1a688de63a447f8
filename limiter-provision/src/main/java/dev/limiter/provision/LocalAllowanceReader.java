package dev.limiter.provision;

import dev.limiter.LocalAllowance;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a limit's {@code local:} field, the local allowance ({@link LocalAllowance}): {@code true} for the defaults,
 * {@code false} for none, or {@code {max_share, max_hold}} where a missing key takes its default. Each broken rule is
 * reported at its value's position, and the limit is then left out like any other limit with an error.
 */
final class LocalAllowanceReader {

    /** The keys of the mapping form. */
    static final Set<String> FIELDS = Set.of("max_share", "max_hold");

    private final YamlReader yaml;

    LocalAllowanceReader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The allowance {@code node} declares for a limit described by {@code what}; empty if an error was reported. */
    Optional<LocalAllowance> read(Node node, String what) {
        String field = "'local' of " + what;
        if (node instanceof ScalarNode) {
            return yaml.bool(node, field + " (true, false or {max_share, max_hold})")
                    .map(on -> on ? LocalAllowance.defaults() : LocalAllowance.NONE);
        }
        Optional<Map<String, YamlReader.Entry>> fields = yaml.mapping(node, field, FIELDS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        YamlReader.Entry shareEntry = fields.get().get("max_share");
        YamlReader.Entry holdEntry = fields.get().get("max_hold");
        Optional<Double> share = shareEntry == null ? Optional.of(LocalAllowance.DEFAULT_MAX_SHARE)
                : share(shareEntry.value(), "'max_share' of " + field);
        Optional<Duration> hold = holdEntry == null ? Optional.of(LocalAllowance.DEFAULT_MAX_HOLD)
                : hold(holdEntry.value(), "'max_hold' of " + field);
        if (share.isEmpty() || hold.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LocalAllowance.of(share.get(), hold.get()));
    }

    /** A decimal number above 0 and at most 1. */
    private Optional<Double> share(Node node, String what) {
        Optional<String> text = yaml.scalar(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(text.get().trim());
            if (value.signum() > 0 && value.compareTo(BigDecimal.ONE) <= 0) {
                return Optional.of(value.doubleValue());
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        yaml.error(node, what + " is '" + text.get() + "': must be a number above 0 and at most 1 (the share of the "
                + "limit's capacity one process may hold, e.g. 0.1)");
        return Optional.empty();
    }

    /** A duration from {@link LocalAllowance#MIN_HOLD} to {@link LocalAllowance#MAX_HOLD}. */
    private Optional<Duration> hold(Node node, String what) {
        Optional<String> text = yaml.scalar(node, what);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> hold = Durations.parse(text.get());
        if (hold.isPresent() && hold.get().compareTo(LocalAllowance.MIN_HOLD) >= 0
                && hold.get().compareTo(LocalAllowance.MAX_HOLD) <= 0) {
            return hold;
        }
        yaml.error(node, what + " is '" + text.get() + "': must be a duration from "
                + Durations.format(LocalAllowance.MIN_HOLD) + " to " + Durations.format(LocalAllowance.MAX_HOLD)
                + " (500ms, 1s, 2m or ISO-8601), the longest a reserved token waits before it is returned");
        return Optional.empty();
    }
}
