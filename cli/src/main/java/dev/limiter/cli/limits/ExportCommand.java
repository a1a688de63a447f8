package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code limiter limits export}: writes the live configuration of a namespace as a limits file, so that a table
 * configured by hand can be managed declaratively; a plan of the exported file shows no changes.
 */
@Command(
        name = "export",
        sortOptions = false,
        description = {
            "Writes a namespace's live configuration as a limits file.",
            "%nWrites the live configuration of a namespace (--namespace) as a limits file: settings, entities and "
                + "every limit configuration, sorted. Planning the exported file shows no changes.",
            "%nWith --adopt, the exported items become managed by limits files: a later plan without them "
                + "destroys them (without --adopt, apply never touches items it did not create).%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits export --namespace prod                      print the file",
            "  limiter limits export --namespace prod -f limits.yaml --adopt",
            "  limiter limits export --namespace prod -f limits.yaml --force   overwrite"
        })
final class ExportCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Write the limits file here (default: stdout).")
    private Path file;

    @Option(names = "--adopt", description = "Mark every exported item as managed by limits files.")
    private boolean adopt;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        Terminal terminal = globals.terminal();
        String namespace = backend.namespace();
        if (file != null && Files.exists(file) && !force) {
            throw new IllegalStateException(file + " exists: pass --force to overwrite it");
        }
        String yaml;
        try (Session session = Session.open(backend)) {
            if (session.engine().live(namespace).resources().isEmpty()) {
                terminal.err().println("warning: namespace '" + namespace + "' of table '" + session.table()
                        + "' holds no entities, limits or settings: check --namespace (or LIMITER_NAMESPACE)");
            }
            yaml = session.engine().export(namespace, adopt);
        }
        if (file != null) {
            write(file, yaml);
        }
        if (globals.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("namespace", namespace);
            document.put("file", file == null ? "" : file.toString());
            document.put("adopted", adopt);
            document.put("limits_file", yaml);
            JsonOutput.print(terminal, document);
        } else if (file == null) {
            terminal.out().print(yaml);
        } else {
            terminal.out().println("Exported namespace '" + namespace + "' to " + file + "."
                    + (adopt ? " Its items are now managed by limits files." : ""));
        }
        terminal.out().flush();
        return ExitCode.OK;
    }

    private static void write(Path file, String yaml) {
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
