package dev.limiter.cli;

import picocli.CommandLine;

/** Answers {@code limiter --version} from the jar manifest's {@code Implementation-Version}. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = LimiterCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "limiter " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
