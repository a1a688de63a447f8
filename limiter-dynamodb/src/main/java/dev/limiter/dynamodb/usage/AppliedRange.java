package dev.limiter.dynamodb.usage;

import dev.limiter.internal.Require;

import java.math.BigInteger;
import java.util.List;

/**
 * A run of one bucket item's stream records that a snapshot has applied: every record of the item whose sequence
 * number lies in {@code [low, high]} was counted. The fingerprints name the item's state just before the first record
 * and just after the last, so a run whose {@code lowBefore} equals another's {@code highAfter} continues it with no
 * record of the item in between.
 *
 * @param low        the sequence number of the run's first record
 * @param lowBefore  the fingerprint of the item before the first record; {@value #UNKNOWN} if unknown
 * @param high       the sequence number of the run's last record
 * @param highAfter  the fingerprint of the item after the last record; {@value #UNKNOWN} if unknown
 */
record AppliedRange(BigInteger low, String lowBefore, BigInteger high, String highAfter) {

    /** The fingerprint of an unknown state (no old image, an item of the earlier layout); continues nothing. */
    static final String UNKNOWN = "-";

    private static final char SEPARATOR = ':';

    AppliedRange {
        Require.nonNull("low", low);
        Require.nonNull("lowBefore", lowBefore);
        Require.nonNull("high", high);
        Require.nonNull("highAfter", highAfter);
        Require.argument(low.compareTo(high) <= 0, "range low " + low + " is above its high " + high);
    }

    /** The run of a group of records sorted by sequence: from the first's old image to the last's new image. */
    static AppliedRange of(List<RecordUsage> records) {
        RecordUsage first = records.get(0);
        RecordUsage last = records.get(records.size() - 1);
        return new AppliedRange(first.sequence(), first.before(), last.sequence(), last.after());
    }

    /** Whether the record with {@code sequence} lies in this run. */
    boolean covers(BigInteger sequence) {
        return low.compareTo(sequence) <= 0 && sequence.compareTo(high) <= 0;
    }

    /** Whether {@code next} (starting at or after this run's start) overlaps this run or continues it directly. */
    boolean joins(AppliedRange next) {
        return next.low.compareTo(high) <= 0 || (!highAfter.equals(UNKNOWN) && highAfter.equals(next.lowBefore));
    }

    /** One run spanning this run and {@code next}. */
    AppliedRange span(AppliedRange next) {
        return next.high.compareTo(high) > 0 ? new AppliedRange(low, lowBefore, next.high, next.highAfter) : this;
    }

    /** The stored form: {@code low:lowBefore:high:highAfter}, sequences zero-padded. */
    String encode() {
        return UsageItems.watermark(low) + SEPARATOR + lowBefore + SEPARATOR + UsageItems.watermark(high) + SEPARATOR
                + highAfter;
    }

    /**
     * The run {@code text} stores.
     *
     * @throws IllegalArgumentException if {@code text} is not {@code low:lowBefore:high:highAfter}
     */
    static AppliedRange decode(String text) {
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        Require.argument(parts.length == 4, "applied range '" + Require.echo(text)
                + "' is invalid: must be low:lowBefore:high:highAfter");
        return new AppliedRange(UsageItems.parseSequence(parts[0]), parts[1], UsageItems.parseSequence(parts[2]),
                parts[3]);
    }
}
