package dev.limiter.benchmarks;

import dev.limiter.Limit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured outcome of one {@link LocalTierLoadBenchmark} run, all processes together.
 *
 * @param run                the run
 * @param attempts           acquire calls (granted, rejected or unavailable)
 * @param granted            grants
 * @param servedLocally      grants served from the local tier's allowance without I/O
 * @param throttlingSurfaced acquires that reached a caller as throttling: a rejection for the key's DynamoDB write
 *                           rate, or unavailable because of throttling (target 0)
 * @param unavailable        acquires that ended unavailable (any cause)
 * @param requests           DynamoDB HTTP requests (SDK retries, reservations and returns included)
 * @param writeUnits         write units those requests cost (1 per single write, 2 per item in a transaction)
 * @param readUnits          read units those requests cost
 * @param violations         grant starts opening a window above {@code capacity + rate·(w + slack)} (target 0)
 * @param seconds            the run's duration T: from the common start to the end of the last grant or the deadline
 * @param capacity           the binding limit's capacity
 * @param rate               the binding limit's rate, tokens per second
 * @param ledger             the tier's counters on the binding limit ({@code reservations}, {@code reserved},
 *                           {@code returned}, {@code grantedLocally}, {@code heldAtEnd}); empty with the tier off
 * @param tableConsumed      net tokens the binding bucket's consumption counter holds after the run
 * @param engineThrottles    requests the strict engine throttled during the run, -1 on the serialised server
 * @param settlesFailed      settles the backend failed (commits, and the tier's returns of unused tokens, whose
 *                           tokens then stay charged: the table holds more than the grants)
 */
record TierRunResult(TierRun run, long attempts, long granted, long servedLocally, long throttlingSurfaced,
                     long unavailable, long requests, double writeUnits, double readUnits, long violations,
                     double seconds, long capacity, double rate, Map<String, Long> ledger, long tableConsumed,
                     long engineThrottles, long settlesFailed) {

    TierRunResult {
        ledger = Collections.unmodifiableMap(new TreeMap<>(ledger));
    }

    /** The result of {@code run} from its workers' records. */
    static TierRunResult of(TierRun run, TierSettings settings, TierRecords records, long startNanos,
                            long tableConsumed, long engineThrottles) {
        Limit limit = TierScenario.limit(settings.rate());
        long deadline = startNanos + settings.seconds() * 1_000_000_000L;
        double seconds = (records.lastGrantEnd(deadline) > deadline ? records.lastGrantEnd(deadline) : deadline)
                - startNanos;
        Map<String, Long> ledger = new LinkedHashMap<>();
        if (run.tier()) {
            for (String name : new String[] {"reservations", "reserved", "returned", "grantedLocally", "heldAtEnd"}) {
                ledger.put(name, records.count(name));
            }
        }
        return new TierRunResult(run, records.count("attempts"), records.count("granted"),
                records.count("servedLocally"), records.count("throttlingSurfaced"), records.count("unavailable"),
                records.count("requests"), records.count("writeMilliUnits") / 1000.0,
                records.count("readMilliUnits") / 1000.0,
                AdmissionWindows.violations(records.grants(), limit, settings.slackNanos(run.tier())),
                seconds / 1e9, limit.capacity(), limit.tokensPerSecond(), ledger, tableConsumed, engineThrottles,
                records.count("settlesFailed"));
    }

    /** Admission efficiency: grants over what the bucket could admit in T, {@code capacity + rate·T}. */
    static double efficiency(long granted, long capacity, double rate, double seconds) {
        return granted / (capacity + rate * seconds);
    }

    double efficiency() {
        return efficiency(granted, capacity, rate, seconds);
    }

    double requestsPerAcquire() {
        return attempts == 0 ? 0 : (double) requests / attempts;
    }

    double grantedPerSecond() {
        return granted / seconds;
    }

    /** On-demand dollars per million acquires, at {@link Bill}'s prices. */
    double dollarsPerMillionAcquires() {
        return attempts == 0 ? 0 : (writeUnits * Bill.DOLLARS_PER_MILLION_WRITE_UNITS
                + readUnits * Bill.DOLLARS_PER_MILLION_READ_UNITS) / attempts;
    }

    /** A JSON object with the fields scripts check. */
    String toJson() {
        StringBuilder ledgerJson = new StringBuilder("{");
        ledger.forEach((name, value) -> ledgerJson.append(ledgerJson.length() > 1 ? ", " : "")
                .append('"').append(name).append("\": ").append(value));
        return String.format(Locale.ROOT, "{\"run\": \"%s\", \"engine\": \"%s\", \"scenario\": \"%s\", "
                        + "\"demand\": %.2f, \"tier\": %b, \"throttleWritesPerSecond\": %d, \"seconds\": %.3f, "
                        + "\"attempts\": %d, \"granted\": %d, \"servedLocally\": %d, \"requests\": %d, "
                        + "\"requestsPerAcquire\": %.4f, \"efficiency\": %.4f, \"violations\": %d, "
                        + "\"grantedPerSecond\": %.2f, \"throttlingErrorsSurfaced\": %d, \"unavailable\": %d, "
                        + "\"writeUnitsPerAcquire\": %.4f, \"dollarsPerMillionAcquires\": %.4f, "
                        + "\"tableConsumed\": %d, \"engineThrottles\": %d, \"settlesFailed\": %d, \"ledger\": %s}}",
                run.name(), run.engine().name().toLowerCase(Locale.ROOT), run.scenario().label(), run.demand(),
                run.tier(), run.throttleWrites(), seconds, attempts, granted, servedLocally, requests,
                requestsPerAcquire(), efficiency(), violations, grantedPerSecond(), throttlingSurfaced, unavailable,
                attempts == 0 ? 0 : writeUnits / attempts, dollarsPerMillionAcquires(), tableConsumed,
                engineThrottles, settlesFailed, ledgerJson);
    }

    /** A markdown row; {@code costRatio} compares the cost per acquire with the same run's tier-off row. */
    String markdownRow(String costRatio) {
        return String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %d | %.3f | %.3f | %d | %.1f | %d | %d | %s "
                        + "| %.3f | %s | %d | %d |",
                run.name(), seconds, attempts, granted, servedLocally, requestsPerAcquire(), efficiency(), violations,
                grantedPerSecond(), throttlingSurfaced, unavailable,
                engineThrottles < 0 ? "n/a" : String.valueOf(engineThrottles), dollarsPerMillionAcquires(),
                costRatio, tableConsumed, settlesFailed);
    }
}
