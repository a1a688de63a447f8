package dev.limiter.cli.table;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code limiter table delete}: deletes the table and everything in it, after confirmation unless {@code --yes}. */
@Command(
        name = "delete",
        description = "Deletes the table and every limit, entity and bucket in it, after asking for confirmation "
                + "(unless --yes). Exit 1 if the table does not exist.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter table delete --table limiter-dev",
            "  limiter table delete --table limiter-dev --yes"
        })
final class TableDeleteCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
    private boolean yes;

    @Override
    public Integer call() {
        Terminal terminal = globals.terminal();
        try (TableConnection table = backend.connect()) {
            String name = table.tableName();
            if (!yes && terminal.ask("Delete table '" + name + "' and everything in it? Only 'yes' will be "
                    + "accepted: ").filter("yes"::equals).isEmpty()) {
                terminal.err().println("Delete cancelled.");
                return ExitCode.ERROR;
            }
            if (!table.backend().table().delete()) {
                throw new IllegalStateException("table '" + name + "' does not exist");
            }
            if (globals.json()) {
                JsonOutput.print(terminal, Map.of("deleted", name));
            } else {
                terminal.out().println("Deleted table '" + name + "'.");
            }
        }
        return ExitCode.OK;
    }
}
