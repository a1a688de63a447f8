package dev.limiter.provision;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.config.LimitConfig;
import org.snakeyaml.engine.v2.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code limits:} mapping. Each limit is written as {@code {rate, per, burst}} (burst defaults to the rate),
 * as {@code {capacity, refill_amount, refill_period}}, or as {@code {unlimited: true}}. The first two forms may add
 * {@code shadow: true} for a limit that reports what it would reject instead of rejecting ({@link Limit#shadow}), and
 * {@code local:} for a local allowance ({@link LocalAllowanceReader}).
 */
final class LimitSpecReader {

    private static final Set<String> FIELDS = Set.of("rate", "per", "burst", "capacity", "refill_amount",
            "refill_period", "unlimited", "shadow", "local");
    private static final Set<String> RATE_FORM = Set.of("rate", "per", "burst");
    private static final Set<String> CAPACITY_FORM = Set.of("capacity", "refill_amount", "refill_period");

    private final YamlReader yaml;
    private final Map<String, SourcePosition> positions;
    private final LocalAllowanceReader localAllowances;

    LimitSpecReader(YamlReader yaml, Map<String, SourcePosition> positions) {
        this.yaml = yaml;
        this.positions = positions;
        this.localAllowances = new LocalAllowanceReader(yaml);
    }

    /** The configuration a {@code limits:} node describes; {@code address} prefixes the limits' positions. */
    LimitConfig read(Node node, String address) {
        List<Limit> limits = new ArrayList<>();
        Set<String> unlimited = new HashSet<>();
        for (YamlReader.Entry entry : yaml.mapping(node, "limits", Set.of()).orElse(Map.of()).values()) {
            positions.put(address + "." + entry.key(), yaml.at(entry.keyNode()));
            if (!validName(entry)) {
                continue;
            }
            yaml.mapping(entry.value(), "limit '" + entry.key() + "'", FIELDS).ifPresent(fields -> {
                if (fields.containsKey("unlimited")) {
                    readUnlimited(entry, fields).ifPresent(unlimited::add);
                } else {
                    readLimit(entry, fields).ifPresent(limits::add);
                }
            });
        }
        if (limits.size() > Limit.MAX_PER_BUCKET) {
            yaml.error(node, "limits define " + limits.size() + " limits: at most " + Limit.MAX_PER_BUCKET
                    + " limits may apply to one bucket");
            limits.subList(Limit.MAX_PER_BUCKET, limits.size()).clear();
        }
        return new LimitConfig(limits, unlimited);
    }

    private boolean validName(YamlReader.Entry entry) {
        if (entry.key().matches("[A-Za-z][A-Za-z0-9_.-]{0,63}")) {
            return true;
        }
        yaml.error(entry.keyNode(), "limit name '" + entry.key() + "' is invalid: must match [A-Za-z][A-Za-z0-9_.-]* "
                + "and be 1 to 64 characters long");
        return false;
    }

    private Optional<String> readUnlimited(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields) {
        if (fields.size() > 1) {
            yaml.error(entry.keyNode(), "limit '" + entry.key() + "' is unlimited and must not set anything else");
            return Optional.empty();
        }
        Node flag = fields.get("unlimited").value();
        Optional<Boolean> value = yaml.bool(flag, "'unlimited' of limit '" + entry.key() + "'");
        if (value.isPresent() && !value.get()) {
            yaml.error(flag, "limit '" + entry.key() + "': write 'unlimited: true' or leave it out");
            return Optional.empty();
        }
        return value.map(v -> entry.key());
    }

    private Optional<Limit> readLimit(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields) {
        String what = "limit '" + entry.key() + "'";
        boolean rateForm = fields.keySet().stream().anyMatch(RATE_FORM::contains);
        boolean capacityForm = fields.keySet().stream().anyMatch(CAPACITY_FORM::contains);
        if (rateForm == capacityForm) {
            yaml.error(entry.keyNode(), what + " must be written either as {rate, per, burst} or as "
                    + "{capacity, refill_amount, refill_period}" + (rateForm ? ", not both" : ""));
            return Optional.empty();
        }
        Set<String> required = rateForm ? Set.of("rate", "per") : CAPACITY_FORM;
        for (String field : required) {
            if (!fields.containsKey(field)) {
                yaml.error(entry.keyNode(), what + " is missing '" + field + "'");
                return Optional.empty();
            }
        }
        return rateForm ? rateLimit(entry, fields, what) : capacityLimit(entry, fields, what);
    }

    private Optional<Limit> rateLimit(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields, String what) {
        Optional<Long> rate = yaml.positive(fields.get("rate").value(), "'rate' of " + what, Limit.MAX_TOKENS);
        Optional<Duration> per = duration(fields.get("per").value(), "'per' of " + what);
        Optional<Long> burst = fields.containsKey("burst")
                ? yaml.positive(fields.get("burst").value(), "'burst' of " + what, Limit.MAX_TOKENS) : rate;
        Optional<Boolean> shadow = shadow(fields, what);
        Optional<LocalAllowance> local = local(fields, what);
        if (rate.isEmpty() || per.isEmpty() || burst.isEmpty() || shadow.isEmpty() || local.isEmpty()) {
            return Optional.empty();
        }
        return build(entry, burst.get(), rate.get(), per.get(), shadow.get(), local.get());
    }

    private Optional<Limit> capacityLimit(YamlReader.Entry entry, Map<String, YamlReader.Entry> fields, String what) {
        Optional<Long> capacity = yaml.positive(fields.get("capacity").value(), "'capacity' of " + what, Limit.MAX_TOKENS);
        Optional<Long> amount = yaml.positive(fields.get("refill_amount").value(), "'refill_amount' of " + what,
                Limit.MAX_TOKENS);
        Optional<Duration> period = duration(fields.get("refill_period").value(), "'refill_period' of " + what);
        Optional<Boolean> shadow = shadow(fields, what);
        Optional<LocalAllowance> local = local(fields, what);
        if (capacity.isEmpty() || amount.isEmpty() || period.isEmpty() || shadow.isEmpty() || local.isEmpty()) {
            return Optional.empty();
        }
        return build(entry, capacity.get(), amount.get(), period.get(), shadow.get(), local.get());
    }

    /** The {@code shadow} flag: false when absent, empty (an error was reported) when it is not a boolean. */
    private Optional<Boolean> shadow(Map<String, YamlReader.Entry> fields, String what) {
        YamlReader.Entry flag = fields.get("shadow");
        return flag == null ? Optional.of(false) : yaml.bool(flag.value(), "'shadow' of " + what);
    }

    /** The {@code local} allowance: none when absent, empty (an error was reported) when it is malformed. */
    private Optional<LocalAllowance> local(Map<String, YamlReader.Entry> fields, String what) {
        YamlReader.Entry local = fields.get("local");
        return local == null ? Optional.of(LocalAllowance.NONE) : localAllowances.read(local.value(), what);
    }

    private Optional<Limit> build(YamlReader.Entry entry, long capacity, long amount, Duration period,
                                  boolean shadow, LocalAllowance local) {
        try {
            return Optional.of(new Limit(entry.key(), capacity, amount, period, shadow, local));
        } catch (IllegalArgumentException impossible) {
            yaml.error(entry.keyNode(), impossible.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Duration> duration(Node node, String what) {
        Optional<String> text = yaml.scalar(node, what);
        Optional<Duration> duration = text.flatMap(Durations::parse);
        if (text.isPresent() && duration.isEmpty()) {
            yaml.error(node, what + " is '" + text.get() + "': write a unit (second, minute, hour, day, week), "
                    + "an amount and unit (500ms, 30s, 1m, 1h, 1d) or an ISO-8601 duration (PT1M)");
        }
        return duration;
    }
}
