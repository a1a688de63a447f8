package dev.limiter.dynamodb.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one {@link GrantWorker} wrote, read back. One line per fact, fields separated by spaces:
 * <ul>
 *   <li>{@code G bucket startNanos endNanos amount L|E}: a grant, served locally ({@code L}) or charged ({@code E});</li>
 *   <li>{@code C counter entity value}: a counter ({@code attempts}, {@code granted}, {@code rejected},
 *       {@code unavailable}, {@code maybe}: tokens of unavailable acquires the table may hold; {@code cut -}: callers
 *       the time bound stopped before their count; {@code reservations -}: the local tier's reservations);</li>
 *   <li>{@code R operation count}: DynamoDB requests of the run by operation, SDK retries included;</li>
 *   <li>{@code Q entity count}: DynamoDB write requests that touched the entity's bucket;</li>
 *   <li>{@code T entity limit reserved grantedLocally returned held}: the local tier's ledger after the limiter was
 *       closed; {@code P ...} the same when a pausing worker stopped;</li>
 *   <li>{@code END}: the worker finished; absent when it was killed.</li>
 * </ul>
 *
 * @param grants   every grant, in the order written
 * @param counters per counter, per entity
 * @param requests per DynamoDB operation
 * @param bucketRequests write requests per bucket entity
 * @param ledger   the local tier's ledger after close (empty without the tier or when killed)
 * @param paused   the local tier's ledger when the worker paused (empty unless it did)
 * @param complete whether {@code END} was written
 */
public record WorkerRecord(List<Grant> grants, Map<String, Map<String, Long>> counters, Map<String, Long> requests,
                           Map<String, Long> bucketRequests, List<Allowance> ledger, List<Allowance> paused,
                           boolean complete) {

    /** One line of the local tier's ledger: tokens of one limit of one bucket. */
    public record Allowance(String entity, String limit, long reserved, long grantedLocally, long returned,
                            long held) {
    }

    /** The last line of a finished worker's record. */
    static final String END = "END";

    /** Copies the collections. */
    public WorkerRecord {
        grants = List.copyOf(grants);
        counters = Map.copyOf(counters);
        requests = Map.copyOf(requests);
        bucketRequests = Map.copyOf(bucketRequests);
        ledger = List.copyOf(ledger);
        paused = List.copyOf(paused);
    }

    /** The line that records {@code grant}. */
    static String grantLine(Grant grant) {
        return "G " + grant.bucket() + " " + grant.startNanos() + " " + grant.endNanos() + " " + grant.amount() + " "
                + (grant.local() ? "L" : "E");
    }

    /** Reads a record file; a partial last line (a worker killed while writing) is ignored. */
    public static WorkerRecord read(Path file) throws IOException {
        List<Grant> grants = new ArrayList<>();
        Map<String, Map<String, Long>> counters = new TreeMap<>();
        Map<String, Long> requests = new TreeMap<>();
        Map<String, Long> bucketRequests = new TreeMap<>();
        List<Allowance> ledger = new ArrayList<>();
        List<Allowance> paused = new ArrayList<>();
        boolean complete = false;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int whole = text.lastIndexOf('\n') + 1;
        for (String line : text.substring(0, whole).split("\n")) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "G" -> grants.add(new Grant(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4]), f[5].equals("L")));
                case "C" -> counters.computeIfAbsent(f[1], k -> new TreeMap<>()).put(f[2], Long.parseLong(f[3]));
                case "R" -> requests.put(f[1], Long.parseLong(f[2]));
                case "Q" -> bucketRequests.put(f[1], Long.parseLong(f[2]));
                case "T" -> ledger.add(allowance(f));
                case "P" -> paused.add(allowance(f));
                case END -> complete = true;
                case "" -> { }
                default -> throw new IllegalStateException("unexpected line '" + line + "' in " + file);
            }
        }
        return new WorkerRecord(grants, counters, requests, bucketRequests, ledger, paused, complete);
    }

    private static Allowance allowance(String[] f) {
        return new Allowance(f[1], f[2], Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                Long.parseLong(f[6]));
    }

    /** Counter {@code name} for {@code entity}, 0 when never counted. */
    public long count(String name, String entity) {
        return counters.getOrDefault(name, Map.of()).getOrDefault(entity, 0L);
    }

    /** DynamoDB requests of {@code operation}, 0 when none. */
    public long requests(String operation) {
        return requests.getOrDefault(operation, 0L);
    }
}
