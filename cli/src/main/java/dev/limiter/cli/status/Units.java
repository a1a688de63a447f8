package dev.limiter.cli.status;

import dev.limiter.Limit;
import dev.limiter.config.ConfigLevel;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of limits, durations and configuration levels for the status commands' tables. */
final class Units {

    private Units() {
    }

    /** {@code 100/1m}, {@code 10000/1m burst 15000}, {@code 50/90s}. */
    static String rate(Limit limit) {
        String rate = limit.refillAmount() + "/" + period(limit.refillPeriod());
        return limit.capacity() == limit.refillAmount() ? rate : rate + " burst " + limit.capacity();
    }

    /** A period in its largest whole unit, as plans and limits files write it: {@code 1w}, {@code 1m}, {@code 90s}. */
    static String period(Duration period) {
        long nanos = period.toNanos();
        long[] sizes = {7 * 86_400_000_000_000L, 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L,
            1_000_000_000L, 1_000_000L};
        String[] units = {"w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < sizes.length; i++) {
            if (nanos % sizes[i] == 0) {
                return nanos / sizes[i] + units[i];
            }
        }
        return period.toString();
    }

    /** A wait such as {@code 0s}, {@code 250ms}, {@code 1.5s}, {@code 2m30s}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis() + (duration.minusMillis(duration.toMillis()).isZero() ? 0 : 1);
        if (millis == 0) {
            return "0s";
        }
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1_000.0).replace(".0s", "s");
        }
        long seconds = millis / 1_000;
        return seconds / 3_600 > 0 ? seconds / 3_600 + "h" + seconds % 3_600 / 60 + "m"
                : seconds / 60 + "m" + seconds % 60 + "s";
    }

    /** {@code entity+resource}, {@code entity default}, {@code resource}, {@code namespace}, {@code request}. */
    static String level(ConfigLevel level) {
        switch (level) {
            case ENTITY_RESOURCE:
                return "entity+resource";
            case ENTITY_DEFAULT:
                return "entity default";
            case RESOURCE:
                return "resource";
            case NAMESPACE:
                return "namespace";
            default:
                return "request";
        }
    }
}
