package dev.limiter.cli.status;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code limiter explain ENTITY RESOURCE}: effective limits, where each came from, and the live buckets. */
@Command(
        name = "explain",
        description = {
            "Effective limits of an entity and resource, their sources and live buckets.",
            "%nExplains the limits an acquire for ENTITY and RESOURCE would be checked against: every effective limit, "
                + "the level it came from (entity+resource, entity default, resource, namespace), and the live state "
                + "of its bucket (tokens available now, debt, time until full); then the same for every ancestor the "
                + "entity cascades to.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter explain acme-search gpt-4o",
            "  limiter explain user:42 openai/gpt-4o --namespace prod --output json"
        })
public final class ExplainCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity id.")
    private String entity;

    @Parameters(index = "1", paramLabel = "RESOURCE", description = "The resource, e.g. a model name.")
    private String resource;

    /** Creates the command; picocli fills its fields. */
    public ExplainCommand() {
        // fields are injected by picocli
    }

    @Override
    public Integer call() {
        try (TableConnection table = backend.connect()) {
            new ExplanationView(globals.terminal()).print(backend.limiter(table.backend()).explain(entity, resource),
                    globals.json());
        }
        return ExitCode.OK;
    }
}
