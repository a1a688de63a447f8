package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.LimitsManifest;
import dev.limiter.provision.LiveState;
import dev.limiter.provision.Plan;
import dev.limiter.provision.Resource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code limiter limits diff -f FILE}: the drift between the live table and a limits file (someone changed a limit by
 * hand), in the plan's format, plus the live items no limits file manages.
 */
@Command(
        name = "diff",
        sortOptions = false,
        description = {
            "Shows drift: where the live table differs from a limits file.",
            "%nShows drift: where the live table differs from a limits file, e.g. a limit changed by hand, in the "
                + "same block format as plan, with values read table -> file. Also lists the items of the "
                + "namespace that no limits file manages (apply leaves them alone).",
            "%nWith --detailed-exitcode the exit code is 0 for no drift, 1 for an error and 2 for drift.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits diff -f limits.yaml",
            "  limiter limits diff -f limits.yaml --detailed-exitcode   exit 2 on drift",
            "  limiter limits diff -f limits.yaml --output json"
        })
final class DiffCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The limits file (YAML).")
    private Path file;

    @Option(names = "--detailed-exitcode",
            description = "Exit 2 when the table drifted from the file (0: no drift, 1: error).")
    private boolean detailedExitCode;

    @Option(names = "--json", description = "Print the drift as JSON (the same as --output json).")
    private boolean json;

    @Override
    public Integer call() {
        LimitsFile limits = LimitsFile.read(file);
        Terminal terminal = globals.terminal();
        try (Session session = Session.open(backend)) {
            LimitsManifest manifest = session.check(limits).manifestOrThrow();
            LiveState live = session.engine().live(manifest.namespace());
            Plan drift = session.engine().plan(manifest, live, Optional.empty());
            List<String> unmanaged = unmanaged(live, manifest);
            if (json || globals.json()) {
                Map<String, Object> document = PlanDocument.of("drift", drift, limits.name(), session.table());
                document.put("unmanaged", unmanaged);
                JsonOutput.print(json ? terminal.withYamlDocuments(false) : terminal, document);
            } else {
                new PlanView(terminal).printDrift(drift, limits.name());
                if (!unmanaged.isEmpty()) {
                    terminal.out().println();
                    terminal.out().println("Not managed by any limits file (apply leaves them alone): "
                            + String.join(", ", unmanaged));
                }
            }
            return detailedExitCode && !drift.isEmpty() ? ExitCode.CHANGES : ExitCode.OK;
        }
    }

    /** Live items that no limits file created and that this file does not declare, by address. */
    private static List<String> unmanaged(LiveState live, LimitsManifest manifest) {
        Set<String> declared = manifest.resources().stream().map(Resource::address).collect(Collectors.toSet());
        return live.list().stream().filter(item -> !item.managed())
                .map(item -> item.resource().address()).filter(address -> !declared.contains(address)).toList();
    }
}
