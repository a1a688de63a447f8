package dev.limiter.benchmarks;

import dev.limiter.Limit;
import dev.limiter.backend.BucketSnapshot;
import dev.limiter.localstack.StrictCounters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The checks and results of {@link StrictLoadBenchmark}, from the workers' records and the table as read after the
 * run.
 *
 * <p>Window bound: checked by {@link AdmissionWindows} against {@code capacity + floor(rate·(t2 − t1))}.
 *
 * @param settings   the run's parameters
 * @param counters   the workers' counters, summed
 * @param violations window-bound violations of each bucket's {@code rps} limit, by entity
 * @param grants     grants per bucket, by entity
 * @param ledger     net tokens per bucket and limit, as the workers recorded them ({@code "entity limit"})
 * @param maybe      tokens of acquires that ended unavailable after an ambiguous failure (applied, then their
 *                   answer lost beyond the SDK's retries): the table may hold them, the ledger cannot
 * @param table      the same, as the table's consumption counters say
 * @param engine     the strict engine's counters for the table
 * @param elapsedNanos wall-clock time of the workers' run
 */
record StrictLoadReport(StrictLoadBenchmark.Settings settings, Map<String, Long> counters,
                        Map<String, Long> violations, Map<String, Long> grants, Map<String, Long> ledger,
                        Map<String, Long> maybe, Map<String, Long> table, StrictCounters engine, long elapsedNanos) {

    /** Reads the workers' {@code records} and checks them against {@code buckets}. */
    static StrictLoadReport of(StrictLoadBenchmark.Settings settings, List<Path> records, List<BucketSnapshot> buckets,
                               StrictCounters engine, long elapsedNanos) throws IOException {
        Map<String, Long> counters = new TreeMap<>();
        Map<String, Long> ledger = new TreeMap<>();
        Map<String, Long> maybe = new TreeMap<>();
        Map<String, List<long[]>> intervals = new TreeMap<>();
        for (Path record : records) {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "C" -> counters.merge(f[1], Long.parseLong(f[2]), Long::sum);
                    case "L" -> ledger.merge(f[1] + " " + f[2], Long.parseLong(f[3]), Long::sum);
                    case "M" -> maybe.merge(f[1] + " " + f[2], Long.parseLong(f[3]), Long::sum);
                    case "G" -> {
                        long[] interval = {Long.parseLong(f[2]), Long.parseLong(f[3])};
                        intervals.computeIfAbsent(f[1], k -> new ArrayList<>()).add(interval);
                        if (!f[1].equals(StrictLoadBenchmark.PARENT)) {
                            intervals.computeIfAbsent(StrictLoadBenchmark.PARENT, k -> new ArrayList<>()).add(interval);
                        }
                    }
                    default -> throw new IllegalStateException("unexpected record line '" + line + "'");
                }
            }
        }
        Map<String, Long> violations = new TreeMap<>();
        Map<String, Long> grants = new TreeMap<>();
        intervals.forEach((entity, list) -> {
            Limit rps = entity.equals(StrictLoadBenchmark.PARENT) ? StrictLoadBenchmark.PARENT_RPS
                    : StrictLoadBenchmark.CHILD_RPS;
            violations.put(entity, AdmissionWindows.violations(list, rps, 0));
            grants.put(entity, (long) list.size());
        });
        Map<String, Long> table = new TreeMap<>();
        for (BucketSnapshot bucket : buckets) {
            bucket.state().limits().forEach(state ->
                    table.put(bucket.key().entity() + " " + state.limit().name(), state.consumedTokens()));
        }
        return new StrictLoadReport(settings, counters, violations, grants, ledger, maybe, table, engine,
                elapsedNanos);
    }

    long count(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /**
     * Buckets and limits whose table counter is not the ledger's, with both values: equal to the token, except that
     * acquires which ended unavailable after an ambiguous failure may or may not be in the table
     * ({@code ledger ≤ table ≤ ledger + maybe}).
     */
    Map<String, String> mismatches() {
        Map<String, String> differ = new TreeMap<>();
        Set<String> keys = new TreeSet<>(ledger.keySet());
        keys.addAll(table.keySet());
        for (String key : keys) {
            long expected = ledger.getOrDefault(key, 0L);
            long stored = table.getOrDefault(key, 0L);
            long uncertain = maybe.getOrDefault(key, 0L);
            if (stored < expected || stored > expected + uncertain) {
                differ.put(key, "ledger " + expected + " (+ up to " + uncertain + "), table " + stored);
            }
        }
        return differ;
    }

    double requestsPerAcquire() {
        return count("attempts") == 0 ? 0 : (double) count("requests") / count("attempts");
    }

    Map<String, Object> summary() {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("acquire attempts", count("attempts"));
        rows.put("granted", count("granted"));
        rows.put("rejected (limits)", count("rejected") - count("rejectedThrottled"));
        rows.put("rejected (key over DynamoDB's rate)", count("rejectedThrottled"));
        rows.put("Unavailable caused by conflicts (target 0)", count("unavailableConflict"));
        rows.put("Unavailable, other causes", count("unavailableOther"));
        rows.put("settlements failed by conflicts (target 0)", count("settleConflict"));
        rows.put("settlements failed, other causes", count("settleOther"));
        rows.put("settlements abandoned after 3 tries", count("settleAbandoned"));
        rows.put("window-bound violations (target 0)", violations.values().stream().mapToLong(Long::longValue).sum());
        rows.put("ledger mismatches (target 0; see the bucket table)", mismatches().size());
        rows.put("DynamoDB requests per acquire (settlements included)", String.format("%.3f", requestsPerAcquire()));
        rows.put("engine: transaction conflicts", engine.conflicts());
        rows.put("engine: throttled requests", engine.throttles());
        rows.put("engine: writes applied then failed", engine.ambiguousInjected());
        rows.put("engine: transactions replayed from their token", engine.idempotentReplays());
        rows.put("engine: write units", engine.writeUnits());
        rows.put("wall-clock seconds", String.format("%.1f", elapsedNanos / 1e9));
        return rows;
    }

    String markdown() {
        StringBuilder out = new StringBuilder("Strict engine, ").append(settings.processes()).append(" processes x ")
                .append(settings.callers()).append(" callers, ").append(settings.ops()).append(" acquires each at most, ")
                .append("hold ").append(settings.holdMillis()).append(" ms, ").append(settings.units())
                .append(" write units/s per key, ").append(settings.ambiguous())
                .append(" UpdateItems applied then failed\n\n| measure | value |\n|---|---:|\n");
        summary().forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        out.append("\n| bucket | grants | window violations |\n|---|---:|---:|\n");
        grants.forEach((entity, count) -> out.append("| ").append(entity).append(" | ").append(count).append(" | ")
                .append(violations.get(entity)).append(" |\n"));
        out.append("\n| bucket limit | ledger | unavailable acquires that may have landed | table |\n"
                + "|---|---:|---:|---:|\n");
        table.forEach((key, value) -> out.append("| ").append(key).append(" | ").append(ledger.getOrDefault(key, 0L))
                .append(" | ").append(maybe.getOrDefault(key, 0L)).append(" | ").append(value).append(" |\n"));
        return out.toString();
    }

    void write(Path directory) throws IOException {
        StringJoiner fields = new StringJoiner(",\n    ", "{\n    ", "\n  }");
        summary().forEach((name, value) -> fields.add("\"" + name.replace("\"", "'") + "\": "
                + (value instanceof String text ? text : value)));
        StringJoiner tableRows = new StringJoiner(", ", "{", "}");
        table.forEach((key, value) -> tableRows.add("\"" + key + "\": {\"ledger\": " + ledger.getOrDefault(key, 0L)
                + ", \"maybe\": " + maybe.getOrDefault(key, 0L) + ", \"table\": " + value + "}"));
        String json = "{\n  \"benchmark\": \"StrictLoadBenchmark\",\n  \"date\": \"" + Instant.now() + "\",\n"
                + "  \"settings\": \"" + String.join(" ", settings.toArgs()) + "\",\n  \"summary\": " + fields
                + ",\n  \"buckets\": " + tableRows + "\n}\n";
        Path markdown = directory.resolve("strict-load.md");
        Path jsonFile = directory.resolve("strict-load.json");
        Files.writeString(markdown, markdown(), StandardCharsets.UTF_8);
        Files.writeString(jsonFile, json, StandardCharsets.UTF_8);
        System.out.println("Wrote " + markdown + " and " + jsonFile);
    }
}
