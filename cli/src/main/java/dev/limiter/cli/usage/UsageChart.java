package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Draws usage snapshots as ASCII bar charts, one per entity and resource, one bar per window from the series' first
 * window with usage to its last (windows without a snapshot show 0), every line at most {@value #WIDTH} columns.
 * All charts share one scale, the largest value of any, so that entities and resources compare at a glance; a
 * positive value gets at least one {@code #}, zero and negative values (refunds landing in a later window) none.
 * Immutable.
 */
final class UsageChart {

    /** The widest line drawn. */
    static final int WIDTH = 80;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final UsageWindow window;
    private final Measure measure;

    /** A chart of {@code measure} per {@code window}. */
    UsageChart(UsageWindow window, Measure measure) {
        this.window = Objects.requireNonNull(window, "window");
        this.measure = Objects.requireNonNull(measure, "measure");
    }

    /** The charts of {@code snapshots}, by entity and then resource, separated by empty lines. */
    List<String> draw(List<UsageSnapshot> snapshots) {
        Map<String, TreeMap<Instant, Long>> series = new TreeMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (UsageSnapshot snapshot : snapshots) {
            String key = snapshot.entity() + '\u0000' + snapshot.resource();
            titles.put(key, snapshot.entity() + " / " + snapshot.resource());
            series.computeIfAbsent(key, k -> new TreeMap<>())
                    .merge(snapshot.start(), measure.value().applyAsLong(snapshot), Long::sum);
        }
        Map<String, Map<Instant, Long>> filled = new LinkedHashMap<>();
        series.forEach((key, values) -> filled.put(titles.get(key), filled(values)));
        long max = filled.values().stream().flatMap(values -> values.values().stream()).mapToLong(Long::longValue)
                .max().orElse(0);
        int valueWidth = filled.values().stream().flatMap(values -> values.values().stream())
                .mapToInt(value -> Long.toString(value).length()).max().orElse(1);
        List<String> lines = new ArrayList<>();
        filled.forEach((title, values) -> {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(chart(title, values, max, valueWidth));
        });
        return lines;
    }

    /** The series' values from its first window to its last, 0 where it has no snapshot. */
    private Map<Instant, Long> filled(TreeMap<Instant, Long> values) {
        Map<Instant, Long> filled = new LinkedHashMap<>();
        for (Instant start = values.firstKey(); !start.isAfter(values.lastKey()); start = start.plus(window.length())) {
            filled.put(start, values.getOrDefault(start, 0L));
        }
        return filled;
    }

    private List<String> chart(String title, Map<Instant, Long> values, long scale, int valueWidth) {
        DateTimeFormatter format = window == UsageWindow.HOURLY ? HOUR : DAY;
        int labelWidth = format.format(Instant.EPOCH).length();
        int barWidth = WIDTH - labelWidth - " | ".length() - " ".length() - valueWidth;
        List<String> lines = new ArrayList<>();
        lines.add(title + ": " + measure.label() + " per " + (window == UsageWindow.HOURLY ? "hour" : "day")
                + " (UTC), max " + values.values().stream().mapToLong(Long::longValue).max().orElse(0));
        values.forEach((start, value) -> {
            String bar = "#".repeat(barLength(value, scale, barWidth));
            lines.add(format.format(start) + " | " + bar + " ".repeat(barWidth - bar.length() + 1)
                    + " ".repeat(valueWidth - Long.toString(value).length()) + value);
        });
        return lines;
    }

    private static int barLength(long value, long max, int width) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.round((double) value * width / max));
    }

    /**
     * What a chart draws: requests, or the tokens of one limit.
     *
     * @param label how the heading names it
     * @param value its value in a snapshot
     */
    record Measure(String label, ToLongFunction<UsageSnapshot> value) {

        /** Requires both fields. */
        Measure {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        /** Requests granted. */
        static Measure requests() {
            return new Measure("requests", UsageSnapshot::requests);
        }

        /** Net tokens of limit {@code name}. */
        static Measure limit(String name) {
            Objects.requireNonNull(name, "name");
            return new Measure(name, snapshot -> snapshot.amount(name));
        }
    }
}
