package dev.limiter.cli.status;

import dev.limiter.AcquireRequest;
import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiter;
import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.BackendOptions;
import dev.limiter.cli.options.DurationConverter;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.options.TableConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code limiter acquire ENTITY RESOURCE -c rpm=1}: one manual acquire, committed at once; prints the decision and
 * exits {@link ExitCode#LIMIT_EXCEEDED} when rejected.
 */
@Command(
        name = "acquire",
        sortOptions = false,
        description = {
            "One manual acquire: prints the decision (exit 3 when rejected).",
            "%nAcquires tokens once, as an application would, and commits at once: prints GRANTED with each limit's "
                + "tokens left, or REJECTED with the exact retry-after (exit 3; nothing is charged). An amount above a "
                + "limit's capacity can never be granted: exit 3 too. With --wait, waits up to that long for tokens "
                + "first. An entity that is not declared gets a warning.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter acquire acme-search gpt-4o -c rpm=1 -c tpm=500",
            "  limiter acquire acme-search gpt-4o -c rpm=1 --wait 2s",
            "  limiter acquire user:42 openai/gpt-4o -c tpm=1500 --output json"
        })
public final class AcquireCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Mixin(name = BackendOptions.MIXIN_NAME)
    private BackendOptions backend;

    @Parameters(index = "0", paramLabel = "ENTITY", description = "The entity id.")
    private String entity;

    @Parameters(index = "1", paramLabel = "RESOURCE", description = "The resource, e.g. a model name.")
    private String resource;

    @Option(names = {"-c", "--consume"}, required = true, paramLabel = "LIMIT=AMOUNT",
            description = "Tokens to take from a limit, e.g. rpm=1; repeatable.")
    private Map<String, Long> amounts = new LinkedHashMap<>();

    @Option(names = "--wait", paramLabel = "TIME", converter = DurationConverter.class, defaultValue = "0s",
            description = "Wait up to this long for tokens, e.g. 500ms, 2s (default: do not wait).")
    private Duration wait;

    /** Creates the command; picocli fills its fields. */
    public AcquireCommand() {
        // fields are injected by picocli
    }

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        amounts.forEach((limit, amount) -> {
            if (amount <= 0) {
                throw new ParameterException(spec.commandLine(), "-c/--consume " + limit + "=" + amount
                        + ": the amount must be a positive whole number");
            }
        });
        try (TableConnection table = backend.connect()) {
            RateLimiter limiter = backend.limiter(table.backend());
            warnIfUndeclared(limiter);
            DecisionView view = new DecisionView(globals.terminal(), globals.json());
            Decision decision;
            try {
                decision = decide(limiter, AcquireRequest.of(entity, resource, amounts));
            } catch (AmountExceedsCapacityException never) {
                globals.terminal().err().println(spec.qualifiedName() + ": " + never.getMessage());
                return ExitCode.LIMIT_EXCEEDED;
            }
            if (decision instanceof Decision.Granted granted) {
                Lease lease = granted.lease();
                lease.commit();
                view.granted(lease);
                return ExitCode.OK;
            }
            view.rejected((Decision.Rejected) decision);
            return ExitCode.LIMIT_EXCEEDED;
        }
    }

    /** An entity nobody declared gets only namespace and resource limits and no parent: likely a typo. */
    private void warnIfUndeclared(RateLimiter limiter) {
        if (limiter.entities().get(entity).isEmpty()) {
            globals.terminal().err().println("warning: entity '" + entity + "' is not declared in namespace '"
                    + limiter.namespace() + "': it gets only namespace and resource limits and charges no parent "
                    + "('limiter entity list' shows the declared ones)");
        }
    }

    private Decision decide(RateLimiter limiter, AcquireRequest request) {
        if (wait.isZero()) {
            return limiter.tryAcquire(request);
        }
        try {
            return new Decision.Granted(limiter.acquire(request, wait));
        } catch (RateLimitExceededException exceeded) {
            return exceeded.rejection();
        }
    }
}
