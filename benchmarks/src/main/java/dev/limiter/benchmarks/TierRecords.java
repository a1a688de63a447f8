package dev.limiter.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the workers of one {@link LocalTierLoadBenchmark} run recorded, summed: one line per counter
 * ({@code C name value}) and one per grant ({@code G startNanos endNanos}, epoch nanoseconds of the wall clock all
 * processes of the machine share).
 *
 * @param counters the workers' counters, summed by name
 * @param grants   every grant's {@code {startNanos, endNanos}}
 */
record TierRecords(Map<String, Long> counters, List<long[]> grants) {

    TierRecords {
        counters = Map.copyOf(counters);
        grants = List.copyOf(grants);
    }

    /** Writes one worker's record. */
    static void write(Path out, Map<String, LongAdder> counters, List<long[]> grants) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            counters.forEach((name, value) -> writer.println("C " + name + " " + value.sum()));
            synchronized (grants) {
                grants.forEach(grant -> writer.println("G " + grant[0] + " " + grant[1]));
            }
        }
    }

    /** Reads and sums the workers' records. */
    static TierRecords read(List<Path> records) throws IOException {
        Map<String, Long> counters = new TreeMap<>();
        List<long[]> grants = new ArrayList<>();
        for (Path record : records) {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "C" -> counters.merge(f[1], Long.parseLong(f[2]), Long::sum);
                    case "G" -> grants.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    default -> throw new IllegalStateException("unexpected record line '" + line + "' in " + record);
                }
            }
        }
        return new TierRecords(counters, grants);
    }

    long count(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /** The latest end of any grant, or {@code fallback} without grants. */
    long lastGrantEnd(long fallback) {
        long last = fallback;
        for (long[] grant : grants) {
            last = Math.max(last, grant[1]);
        }
        return grants.isEmpty() ? fallback : last;
    }
}
