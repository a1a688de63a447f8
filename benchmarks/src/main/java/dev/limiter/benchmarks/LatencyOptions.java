package dev.limiter.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link DynamoDbLatencyBenchmark}.
 *
 * @param measure measured time per contender and client count ({@code --seconds}, default 20)
 * @param warmUp discarded time per contender and client count ({@code --warmup-seconds}, default 3)
 * @param round length of one contender's round ({@code --round-ms}, default 500)
 * @param clients client counts, each run in turn ({@code --clients}, default {@code 1,8})
 * @param adjust whether the acquire+adjust contender runs too ({@code --no-adjust} drops it)
 * @param configCacheTtl the limiters' configuration cache TTL ({@code --config-ttl-seconds}, default 60, the
 *     limiter's default)
 * @param output directory of the result files ({@code --out}, default {@code benchmarks/target})
 */
record LatencyOptions(Duration measure, Duration warmUp, Duration round, List<Integer> clients, boolean adjust,
                      Duration configCacheTtl, Path output) {

    LatencyOptions {
        clients = List.copyOf(clients);
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1 || c > 256)) {
            throw new IllegalArgumentException("clients must be 1..256 each, got " + clients);
        }
        if (round.isZero() || round.isNegative() || measure.compareTo(round) < 0) {
            throw new IllegalArgumentException(
                    "need 0 < round <= measure, got round " + round + ", measure " + measure);
        }
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the bad or unknown option
     */
    static LatencyOptions parse(String[] args) {
        Duration measure = Duration.ofSeconds(20);
        Duration warmUp = Duration.ofSeconds(3);
        Duration round = Duration.ofMillis(500);
        List<Integer> clients = List.of(1, 8);
        boolean adjust = true;
        Duration configCacheTtl = Duration.ofSeconds(60);
        Path output = Path.of("benchmarks", "target");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-adjust")) {
                adjust = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--seconds" -> measure = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup-seconds" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
                case "--round-ms" -> round = Duration.ofMillis(Long.parseLong(value));
                case "--clients" -> clients = integers(value);
                case "--config-ttl-seconds" -> configCacheTtl = Duration.ofSeconds(Long.parseLong(value));
                case "--out" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + "; known: --seconds, --warmup-seconds, --round-ms, --clients, --no-adjust, "
                        + "--config-ttl-seconds, --out");
            }
        }
        return new LatencyOptions(measure, warmUp, round, clients, adjust, configCacheTtl, output);
    }

    /** The largest client count. */
    int maxClients() {
        return clients.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static List<Integer> integers(String commaSeparated) {
        List<Integer> values = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            values.add(Integer.parseInt(part.trim()));
        }
        return values;
    }
}
