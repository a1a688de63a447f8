package dev.limiter.cli.limits;

import dev.limiter.provision.Change;
import dev.limiter.provision.Plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a plan ({@code plan --json}, {@code diff --output json}): namespace, table, file, whether changes
 * are present, Terraform's three counts, every change with its address, action and attributes before and after, and
 * the blockers that make apply refuse the plan.
 */
final class PlanDocument {

    /** The version of this document's shape; it changes only when fields are removed or change meaning. */
    static final String FORMAT_VERSION = "1";

    private PlanDocument() {
    }

    /** {@code plan} of {@code file} against {@code table}; {@code kind} is {@code plan} or {@code drift}. */
    static Map<String, Object> of(String kind, Plan plan, String file, String table) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format_version", FORMAT_VERSION);
        document.put("kind", kind);
        document.put("namespace", plan.namespace());
        document.put("table", table);
        document.put("file", file);
        document.put("changes_present", !plan.isEmpty());
        document.put("summary", summary(plan));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change change : plan.changes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", change.address());
            entry.put("action", action(change.action()));
            entry.put("before", typed(change.before()));
            entry.put("after", typed(change.after()));
            changes.add(entry);
        }
        document.put("changes", changes);
        List<Map<String, Object>> blockers = new ArrayList<>();
        for (Plan.Blocker blocker : plan.blockers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("address", blocker.address());
            entry.put("message", blocker.message());
            blockers.add(entry);
        }
        document.put("blockers", blockers);
        return document;
    }

    /**
     * Attribute values as JSON numbers and booleans where they are ones (a local allowance's {@code max_share} a
     * decimal number); durations and names stay strings.
     */
    static Map<String, Object> typed(Map<String, String> attributes) {
        Map<String, Object> typed = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (name.endsWith(".local.max_share") && value.matches("[0-9]+(\\.[0-9]+)?")) {
                typed.put(name, new java.math.BigDecimal(value));
            } else if (value.matches("-?[0-9]{1,18}")) {
                typed.put(name, Long.parseLong(value));
            } else if (value.equals("true") || value.equals("false")) {
                typed.put(name, Boolean.parseBoolean(value));
            } else {
                typed.put(name, value);
            }
        });
        return typed;
    }

    /** Terraform's counts: {@code add}, {@code change}, {@code destroy}. */
    static Map<String, Object> summary(Plan plan) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("add", plan.toAdd());
        summary.put("change", plan.toChange());
        summary.put("destroy", plan.toDestroy());
        return summary;
    }

    /** {@code create}, {@code update} or {@code delete}. */
    static String action(Change.Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
