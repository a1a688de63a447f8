package dev.limiter.cli.usage;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.dynamodb.usage.AggregationResult;
import dev.limiter.dynamodb.usage.FailedBatch;
import dev.limiter.dynamodb.usage.ReplayResult;
import dev.limiter.dynamodb.usage.StreamReplay;
import dev.limiter.dynamodb.usage.UsageAggregator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code limiter usage replay FILE}: re-reads the stream range of each failure record the usage aggregator's
 * on-failure queue received and counts it into the snapshots ({@link StreamReplay}); records counted before are
 * skipped. A range the stream no longer holds (24 h retention) is reported as lost, and the exit code is then 1.
 */
@Command(
        name = "replay",
        sortOptions = false,
        description = {
            "Counts the stream records of given-up batches (the on-failure queue's messages) into usage.",
            "%nA message in the aggregator's on-failure queue names a shard and a range of sequence numbers, not the "
                + "records: the stream keeps them 24 h. This re-reads each range while the stream still has it and "
                + "applies it like the aggregator; records counted before are skipped, so a replay is safe to repeat. "
                + "A range past the retention is reported as lost, with what it held. FILE is a message body, the "
                + "output of 'aws sqs receive-message', or a JSON array of bodies; '-' reads standard input. Delete "
                + "the messages from the queue once replayed. Exit 1 if anything was lost or failed.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter usage replay failures.json",
            "  limiter usage replay - --output json < body.json",
            "  (failures.json from: aws sqs receive-message --queue-url \"$DLQ_URL\"",
            "      --max-number-of-messages 10 > failures.json)"
        })
public final class ReplayCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "FILE", description = "The failure record(s), or '-' for standard input.")
    private String file;

    @Spec
    private CommandSpec spec;

    /** Creates the command; picocli fills its fields. */
    public ReplayCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        List<FailedBatch> batches = batches();
        try (TableConnection table = backend.connect(); DynamoDbStreamsClient streams = table.openStreams()) {
            for (FailedBatch batch : batches) {
                if (!batch.tableName().equals(table.tableName())) {
                    throw new ParameterException(spec.commandLine(), "the failure record is of table '"
                            + batch.tableName() + "' (" + batch.streamArn() + "), not of table '" + table.tableName()
                            + "': pass --table " + batch.tableName());
                }
            }
            StreamReplay replay = StreamReplay.create(streams,
                    UsageAggregator.create(table.backend().client(), table.tableName()));
            List<ReplayResult> results = new ArrayList<>();
            for (FailedBatch batch : batches) {
                results.add(replay.replay(batch));
            }
            return report(globals.terminal(), results);
        }
    }

    private List<FailedBatch> batches() {
        try {
            return FailureRecords.parse(read());
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), "Invalid value for FILE '" + file + "': "
                    + invalid.getMessage());
        }
    }

    private String read() {
        try {
            if (file.equals("-")) {
                InputStream in = System.in;
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException missing) {
            throw new ParameterException(spec.commandLine(), "Invalid value for FILE: '" + file
                    + "' does not exist");
        } catch (IOException unreadable) {
            throw new ParameterException(spec.commandLine(), "Invalid value for FILE: '" + file
                    + "' cannot be read: " + unreadable.getMessage());
        }
    }

    private int report(Terminal terminal, List<ReplayResult> results) {
        boolean complete = results.stream().allMatch(ReplayResult::complete);
        if (globals.json()) {
            JsonOutput.print(terminal, Map.of("complete", complete, "batches", results.stream()
                    .map(ReplayCommand::document).toList()));
        } else {
            results.forEach(result -> terminal.out().println(line(result)));
            terminal.out().flush();
        }
        if (!complete) {
            terminal.err().println(spec.qualifiedName() + ": error: some usage could not be replayed (see above); "
                    + "keep those messages for the record");
            terminal.err().flush();
        }
        return complete ? ExitCode.OK : ExitCode.ERROR;
    }

    private static String line(ReplayResult result) {
        FailedBatch batch = result.batch();
        AggregationResult applied = result.aggregation();
        String head = "shard " + batch.shardId() + ", records " + batch.startSequenceNumber() + " to "
                + batch.endSequenceNumber() + ": ";
        if (result.status() == ReplayResult.Status.LOST) {
            return head + "LOST: " + result.lost();
        }
        String counts = result.recordsRead() + " records read, " + applied.counted() + " counted, "
                + applied.snapshotsWritten() + " snapshots written, " + applied.snapshotsAlreadyApplied()
                + " already counted, " + applied.failures().size() + " failures";
        return head + counts + (result.lost().isEmpty() ? "" : "; " + result.status() + ": " + result.lost());
    }

    private static Map<String, Object> document(ReplayResult result) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("shardId", result.batch().shardId());
        document.put("startSequenceNumber", result.batch().startSequenceNumber());
        document.put("endSequenceNumber", result.batch().endSequenceNumber());
        document.put("status", result.status().name());
        document.put("recordsRead", result.recordsRead());
        document.put("counted", result.aggregation().counted());
        document.put("snapshotsWritten", result.aggregation().snapshotsWritten());
        document.put("alreadyCounted", result.aggregation().snapshotsAlreadyApplied());
        document.put("failures", result.aggregation().failures().size());
        document.put("lost", result.lost());
        return document;
    }
}
