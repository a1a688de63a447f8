package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.UsageWindow;
import picocli.CommandLine;

import java.util.Locale;

/** Reads {@code --window hourly|daily} (any case) as a {@link UsageWindow}. Stateless. */
final class WindowConverter implements CommandLine.ITypeConverter<UsageWindow> {

    @Override
    public UsageWindow convert(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "hourly":
                return UsageWindow.HOURLY;
            case "daily":
                return UsageWindow.DAILY;
            default:
                throw new CommandLine.TypeConversionException("'" + value + "' is not a usage window: use hourly "
                        + "or daily");
        }
    }
}
