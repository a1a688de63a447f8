package dev.limiter.provision;

import dev.limiter.dynamodb.audit.AuditValues;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in limits files: a number and a unit ({@code 500ms}, {@code 30s}, {@code 1m}, {@code 1h},
 * {@code 1d}, {@code 1w}), an ISO-8601 duration ({@code PT1M}), or, for {@code per:}, a unit word
 * ({@code second}, {@code minute}, {@code hour}, {@code day}, {@code week}).
 */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h|d|w)");
    private static final Map<String, Duration> WORDS = Map.of("second", Duration.ofSeconds(1),
            "minute", Duration.ofMinutes(1), "hour", Duration.ofHours(1), "day", Duration.ofDays(1),
            "week", Duration.ofDays(7));

    private Durations() {
    }

    /** The duration {@code text} denotes, if it is one. */
    static Optional<Duration> parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (WORDS.containsKey(trimmed)) {
            return Optional.of(WORDS.get(trimmed));
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return Optional.of(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }
        try {
            return Optional.of(Duration.parse(text.trim().toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    /** The unit word ({@code per:}) that denotes exactly {@code duration}, if there is one. */
    static Optional<String> word(Duration duration) {
        for (Map.Entry<String, Duration> word : WORDS.entrySet()) {
            if (word.getValue().equals(duration)) {
                return Optional.of(word.getKey());
            }
        }
        return Optional.empty();
    }

    /** The shortest file form of {@code duration}: {@code 1m}, {@code 30s}, {@code 1500ms}, or ISO-8601. */
    static String format(Duration duration) {
        return AuditValues.period(duration);
    }
}
