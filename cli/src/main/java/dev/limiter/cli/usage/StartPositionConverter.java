package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.StartPosition;
import picocli.CommandLine;

import java.util.Locale;

/** Reads {@code --from trim-horizon|latest} (any case, {@code _} or {@code -}) as a {@link StartPosition}. Stateless. */
final class StartPositionConverter implements CommandLine.ITypeConverter<StartPosition> {

    @Override
    public StartPosition convert(String value) {
        switch (value.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "trim-horizon":
                return StartPosition.TRIM_HORIZON;
            case "latest":
                return StartPosition.LATEST;
            default:
                throw new CommandLine.TypeConversionException("'" + value + "' is not a stream position: use "
                        + "trim-horizon (every record still in the stream) or latest (only new records)");
        }
    }
}
