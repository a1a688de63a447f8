package dev.limiter.benchmarks;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --option value} pairs of a benchmark's command line, read with a default for each option.
 *
 * @param values the options by name, without the leading {@code --}
 */
record BenchOptions(Map<String, String> values) {

    BenchOptions {
        values = Map.copyOf(values);
    }

    /** Parses {@code --option value} pairs. */
    static BenchOptions parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchOptions(options);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** A whole number of at least 0. */
    int number(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 0) {
            throw new IllegalArgumentException("--" + name + " must be at least 0, got " + parsed);
        }
        return parsed;
    }

    /** A finite number of at least 0. */
    double decimal(String name, double fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        double parsed = Double.parseDouble(value);
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException("--" + name + " must be a finite number of at least 0, got " + value);
        }
        return parsed;
    }

    long seed() {
        return Long.parseLong(values.getOrDefault("seed", "1"));
    }
}
