package dev.limiter.benchmarks;

import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The measured cost of one scenario of {@link DynamoDbCostBenchmark}, per acquire.
 *
 * @param scenario the scenario's name
 * @param acquires acquire calls made (granted or rejected)
 * @param granted how many of them were granted
 * @param bill what all of the scenario's measured requests cost
 * @param zae zae-limiter's published or derived counterpart
 */
record CostResult(String scenario, long acquires, long granted, Bill bill, ZaeFigure zae) {

    double requestsPerAcquire() {
        return (double) bill.requests() / acquires;
    }

    double readsPerAcquire() {
        return (double) bill.reads() / acquires;
    }

    double writeUnitsPerAcquire() {
        return bill.writeUnits() / acquires;
    }

    double readUnitsPerAcquire() {
        return bill.readUnits() / acquires;
    }

    /** On-demand dollars per million acquires. */
    double dollarsPerMillionAcquires() {
        return bill.dollarsPerMillion() / acquires;
    }

    /** A markdown table row. */
    String markdownRow() {
        return String.format(Locale.ROOT, "| %s | %d/%d | %.3f | %.3f | %s | %.3f | %.3f | %.3f | %s | %s |",
                scenario, granted, acquires, requestsPerAcquire(), readsPerAcquire(), itemBytesCell(),
                writeUnitsPerAcquire(), readUnitsPerAcquire(), dollarsPerMillionAcquires(), zae.requests(),
                zae.writeUnits());
    }

    /** The sizes of the items written: each one for up to three items, else their count and range. */
    private String itemBytesCell() {
        if (bill.itemBytes().size() <= 3) {
            return bill.itemBytes().stream().map(String::valueOf).collect(Collectors.joining(" + "));
        }
        IntSummaryStatistics sizes = bill.itemBytes().stream().mapToInt(Integer::intValue).summaryStatistics();
        return sizes.getCount() + " items of " + sizes.getMin() + "–" + sizes.getMax();
    }

    /** A JSON object. */
    String toJson() {
        String bytes = bill.itemBytes().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "{\"scenario\": \"%s\", \"acquires\": %d, \"granted\": %d, "
                        + "\"requestsPerAcquire\": %.4f, \"readsPerAcquire\": %.4f, \"itemBytes\": [%s], "
                        + "\"writeUnitsPerAcquire\": %.4f, \"readUnitsPerAcquire\": %.4f, "
                        + "\"dollarsPerMillionAcquires\": %.4f}",
                scenario, acquires, granted, requestsPerAcquire(), readsPerAcquire(), bytes, writeUnitsPerAcquire(),
                readUnitsPerAcquire(), dollarsPerMillionAcquires());
    }
}
