package dev.limiter.dynamodb.testkit;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link GrantWorker} process does, passed on its command line as {@code --name value} pairs.
 *
 * @param endpoint    the DynamoDB endpoint
 * @param region      the region to sign requests for
 * @param table       the table
 * @param fakeCredentials whether to sign with moto's fake credentials (else the SDK's default chain)
 * @param namespace   the limiter namespace, configured by the test before the workers start
 * @param resource    the resource every acquire names
 * @param limitName   the limit every acquire consumes
 * @param entities    the entities callers acquire for, one picked at random per acquire
 * @param worker      this worker's number, from 0
 * @param threads     callers in this process
 * @param ops         acquires per caller at most
 * @param seconds     how long the callers run at most, from the start signal
 * @param maxAmount   each acquire takes 1 to this many tokens, at random
 * @param seed        the seed of every random choice; caller {@code c} of worker {@code w} draws from
 *                    {@code seed * 1000 + w * 100 + c}
 * @param record      the file the worker streams its grants and counts to
 * @param tier        whether the local tier is on; the allowances are those of the stored limits
 * @param pauseAfter  after this many grants the callers stop and the worker waits, holding its allowances, to be
 *                    killed; 0: never
 */
public record WorkerSettings(URI endpoint, String region, String table, boolean fakeCredentials, String namespace,
                             String resource, String limitName, List<String> entities, int worker, int threads,
                             int ops, int seconds, int maxAmount, long seed, Path record,
                             boolean tier, int pauseAfter) {

    /** Validates the counts, naming the field, and copies the entity list. */
    public WorkerSettings {
        entities = List.copyOf(entities);
        if (pauseAfter < 0) {
            throw new IllegalArgumentException("worker pauseAfter must be at least 0, was " + pauseAfter);
        }
        if (entities.isEmpty()) {
            throw new IllegalArgumentException("worker entities must name at least one entity");
        }
        requirePositive("threads", threads);
        requirePositive("ops", ops);
        requirePositive("seconds", seconds);
        requirePositive("maxAmount", maxAmount);
    }

    /** The exact path: no local tier, no pause. */
    public WorkerSettings(URI endpoint, String region, String table, boolean fakeCredentials, String namespace,
                          String resource, String limitName, List<String> entities, int threads, int ops,
                          int seconds, int maxAmount, long seed) {
        this(endpoint, region, table, fakeCredentials, namespace, resource, limitName, entities, 0, threads, ops,
                seconds, maxAmount, seed, Path.of("worker.txt"), false, 0);
    }

    /** The same settings for worker {@code id}, streaming to {@code file}. */
    public WorkerSettings forWorker(int id, Path file) {
        return new WorkerSettings(endpoint, region, table, fakeCredentials, namespace, resource, limitName, entities,
                id, threads, ops, seconds, maxAmount, seed, file, tier, pauseAfter);
    }

    /** A copy with the local tier on: stored limits with a local allowance are served from it. */
    public WorkerSettings withTier() {
        return new WorkerSettings(endpoint, region, table, fakeCredentials, namespace, resource, limitName, entities,
                worker, threads, ops, seconds, maxAmount, seed, record, true, pauseAfter);
    }

    /** A copy whose callers stop after {@code grants} grants, for a worker that is killed mid-run. */
    public WorkerSettings withPauseAfter(int grants) {
        return new WorkerSettings(endpoint, region, table, fakeCredentials, namespace, resource, limitName, entities,
                worker, threads, ops, seconds, maxAmount, seed, record, tier, grants);
    }

    /** The command-line form that {@link #parse} reads back. */
    public List<String> toArgs() {
        return new ArrayList<>(List.of("--endpoint", endpoint.toString(), "--region", region, "--table", table,
                "--fake-credentials", "" + fakeCredentials, "--namespace", namespace, "--resource", resource,
                "--limit", limitName, "--entities", String.join(",", entities), "--worker", "" + worker,
                "--threads", "" + threads, "--ops", "" + ops, "--seconds", "" + seconds,
                "--max-amount", "" + maxAmount, "--seed", "" + seed, "--record", record.toString(),
                "--tier", "" + tier, "--pause-after", "" + pauseAfter));
    }

    /** Reads {@link #toArgs()} back. */
    public static WorkerSettings parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return new WorkerSettings(URI.create(required(options, "endpoint")), required(options, "region"),
                required(options, "table"), Boolean.parseBoolean(required(options, "fake-credentials")),
                required(options, "namespace"), required(options, "resource"), required(options, "limit"),
                List.of(required(options, "entities").split(",")), number(options, "worker"),
                number(options, "threads"), number(options, "ops"), number(options, "seconds"),
                number(options, "max-amount"), Long.parseLong(required(options, "seed")),
                Path.of(required(options, "record")), Boolean.parseBoolean(required(options, "tier")),
                number(options, "pause-after"));
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("worker option --" + name + " is required");
        }
        return value;
    }

    private static int number(Map<String, String> options, String name) {
        return Integer.parseInt(required(options, name));
    }

    private static void requirePositive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("worker " + field + " must be at least 1, was " + value);
        }
    }
}
