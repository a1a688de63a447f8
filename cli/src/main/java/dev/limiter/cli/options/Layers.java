package dev.limiter.cli.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Optional;

/**
 * Resolves an option that every level of the command path mixes in, e.g. {@code --table} on {@code limiter},
 * {@code limiter limits} and {@code limiter limits plan}: the value given on the command line at the most specific
 * level wins; if no level got one, the running command's default applies (which may come from the environment).
 */
final class Layers {

    private Layers() {
    }

    /** The value of option {@code name} of mixin {@code mixinName} for the command {@code start}, if it has one. */
    static Optional<Object> value(CommandSpec start, String mixinName, String name) {
        for (CommandSpec level = start; level != null; level = level.parent()) {
            Optional<OptionSpec> option = option(level, mixinName, name);
            if (option.isPresent() && !option.get().originalStringValues().isEmpty()) {
                return Optional.ofNullable(option.get().getValue());
            }
        }
        return option(start, mixinName, name).map(OptionSpec::getValue);
    }

    private static Optional<OptionSpec> option(CommandSpec level, String mixinName, String name) {
        CommandSpec mixin = level.mixins().get(mixinName);
        return mixin == null ? Optional.empty() : Optional.ofNullable(mixin.findOption(name));
    }
}
