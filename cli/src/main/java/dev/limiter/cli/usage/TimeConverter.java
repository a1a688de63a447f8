package dev.limiter.cli.usage;

import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code --since} and {@code --until}: an ISO-8601 instant with an offset ({@code 2026-11-25T10:00:00Z},
 * {@code 2026-11-25T11:00+01:00}), a date meaning its midnight UTC ({@code 2026-11-25}), {@code now}, or a
 * duration before now: a number and a unit of {@code s}, {@code m}, {@code h}, {@code d} or {@code w}
 * ({@code 90m}, {@code 24h}, {@code 7d}). Stateless.
 */
final class TimeConverter implements CommandLine.ITypeConverter<TimeArgument> {

    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})(s|m|h|d|w)");

    @Override
    public TimeArgument convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("now")) {
            return new TimeArgument.Ago(Duration.ZERO);
        }
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            return new TimeArgument.Ago(duration(Long.parseLong(relative.group(1)), relative.group(2)));
        }
        try {
            if (text.length() == "2026-11-25".length()) {
                return new TimeArgument.At(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            return new TimeArgument.At(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeException invalid) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time: use an instant "
                    + "(2026-11-25T10:00:00Z), a date (2026-11-25, midnight UTC), now, or a duration before now "
                    + "(90m, 24h, 7d)");
        }
    }

    private static Duration duration(long amount, String unit) {
        switch (unit) {
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofDays(7 * amount);
        }
    }
}
