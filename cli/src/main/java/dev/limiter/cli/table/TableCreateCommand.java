package dev.limiter.cli.table;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.JsonOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code limiter table create}: creates the table and waits until it is active; an existing table is left alone. */
@Command(
        name = "create",
        description = "Creates the table (--table) with the production schema and waits until it is active. "
                + "An existing table is left as it is.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter table create --table limiter-dev",
            "  limiter table create --table dev --endpoint-url http://127.0.0.1:4566"
        })
final class TableCreateCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            boolean created = table.backend().table().create();
            if (globals.json()) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("table", table.tableName());
                document.put("created", created);
                JsonOutput.print(globals.terminal(), document);
            } else {
                globals.terminal().out().println(created ? "Created table '" + table.tableName() + "'."
                        : "Table '" + table.tableName() + "' already exists; left as it is.");
            }
        }
        return ExitCode.OK;
    }
}
