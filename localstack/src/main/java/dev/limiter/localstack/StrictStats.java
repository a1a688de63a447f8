package dev.limiter.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strict engine's counters for every table it has seen since its last reset.
 *
 * @param tables counters by table name; {@code "*"} collects what no table could be named for
 */
public record StrictStats(Map<String, StrictCounters> tables) {

    private static final Pattern TABLE = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\\{([^{}]*)}");

    /**
     * Copies the map.
     *
     * @throws NullPointerException if the map is null
     */
    public StrictStats {
        tables = Map.copyOf(Objects.requireNonNull(tables, "tables"));
    }

    /** Returns the counters of one table, {@link StrictCounters#ZERO} if the engine has not seen it. */
    public StrictCounters table(String name) {
        return tables.getOrDefault(name, StrictCounters.ZERO);
    }

    /** Returns the sum over all tables. */
    public StrictCounters total() {
        return tables.values().stream().reduce(StrictCounters.ZERO, StrictCounters::plus);
    }

    /** Parses {@code GET /_strict/stats}: {@code {"tables": {name: {counters}}, "total": {counters}}}. */
    static StrictStats parse(String json) {
        int start = json.indexOf("\"tables\"");
        int end = json.lastIndexOf("\"total\"");
        String section = start < 0 ? "" : json.substring(start + "\"tables\"".length(), end > start ? end : json.length());
        Map<String, StrictCounters> tables = new LinkedHashMap<>();
        Matcher matcher = TABLE.matcher(section);
        while (matcher.find()) {
            tables.put(matcher.group(1), StrictCounters.parse(matcher.group(2)));
        }
        return new StrictStats(tables);
    }
}
