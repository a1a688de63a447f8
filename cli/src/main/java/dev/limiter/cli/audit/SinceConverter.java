package dev.limiter.cli.audit;

import dev.limiter.cli.options.DurationConverter;
import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A point in time for {@code --since}/{@code --until}: an ISO instant ({@code 2026-03-01T12:00:00Z}), a UTC date
 * ({@code 2026-03-01}), or a duration ago ({@code 90m}, {@code 24h}, {@code 7d}, {@code 2w}), as a {@link Bound}.
 */
final class SinceConverter implements CommandLine.ITypeConverter<Bound> {

    @Override
    public Bound convert(String value) {
        try {
            return new Bound.At(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            // try the other forms
        }
        try {
            return new Bound.At(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            // try a duration
        }
        java.util.regex.Matcher days = java.util.regex.Pattern.compile("(\\d{1,6})([dw])").matcher(value.strip());
        if (days.matches()) {
            long amount = Long.parseLong(days.group(1));
            return new Bound.Ago(Duration.ofDays(days.group(2).equals("w") ? 7 * amount : amount));
        }
        try {
            return new Bound.Ago(new DurationConverter().convert(value));
        } catch (RuntimeException notADuration) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time: write an ISO instant "
                    + "(2026-03-01T12:00:00Z), a date (2026-03-01) or a duration ago (24h, 7d)");
        }
    }
}
