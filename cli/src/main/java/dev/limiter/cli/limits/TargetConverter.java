package dev.limiter.cli.limits;

import dev.limiter.provision.Target;
import picocli.CommandLine;

/** Reads {@code --target entity:ID} or {@code --target resource:NAME}; anything else is a usage error. */
final class TargetConverter implements CommandLine.ITypeConverter<Target> {

    @Override
    public Target convert(String value) {
        try {
            return Target.parse(value);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.TypeConversionException(invalid.getMessage());
        }
    }
}
