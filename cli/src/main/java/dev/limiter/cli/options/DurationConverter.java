package dev.limiter.cli.options;

import picocli.CommandLine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration option: a number with a unit ({@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}), a bare
 * number of seconds ({@code 10}) or ISO-8601 ({@code PT1M30S}). Use with {@code converter = DurationConverter.class}.
 */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    /** Creates the converter; picocli instantiates it. */
    public DurationConverter() {
        // stateless
    }

    @Override
    public Duration convert(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "s" : simple.group(2);
            switch (unit) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofSeconds(amount);
            }
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException notIso) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration: use e.g. 500ms, 10s, 2m or PT1M30S");
        }
    }
}
