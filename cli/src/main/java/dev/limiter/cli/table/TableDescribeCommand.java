package dev.limiter.cli.table;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.dynamodb.table.TableStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code limiter table describe}: status, item count, size, stream and TTL of the table; exit 1 if it is missing. */
@Command(
        name = "describe",
        description = "Prints the table's status, approximate item count and size, stream, TTL and billing mode.%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter table describe --table limiter-dev",
            "  limiter table describe --output json"
        })
final class TableDescribeCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            TableStatus status = table.backend().table().describe().orElseThrow(() -> new IllegalStateException("table '"
                    + table.tableName() + "' does not exist (create it with 'limiter table create')"));
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("table", status.name());
            fields.put("status", status.status());
            fields.put("items", status.itemCount());
            fields.put("size_bytes", status.sizeBytes());
            fields.put("stream", status.streamArn().orElse(""));
            fields.put("ttl", status.ttlStatus());
            fields.put("billing", status.billing());
            Terminal terminal = globals.terminal();
            if (globals.json()) {
                JsonOutput.print(terminal, fields);
            } else {
                fields.forEach((key, value) -> terminal.out().println(String.format("%-11s %s", key + ":", value)));
            }
        }
        return ExitCode.OK;
    }
}
