package dev.limiter.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code limiter} process returns. Every command returns one of these; the list also appears at the end
 * of {@code limiter --help}.
 */
public final class ExitCode {

    /** The command did what was asked (for {@code demo}: its final assertion holds). */
    public static final int OK = 0;

    /** The command failed: bad input file, backend unreachable, unexpected error. The message says which. */
    public static final int ERROR = 1;

    /** The command line was wrong: unknown option, missing or invalid value. Nothing was done. */
    public static final int USAGE = 2;

    /**
     * A limit was exceeded: the {@code demo}'s independent accounting found more tokens admitted through an entity's
     * limit than its capacity, refill rate and end state allow.
     */
    public static final int LIMIT_EXCEEDED = 3;

    private ExitCode() {
    }

    /** The codes with a one-line description each, in picocli's {@code exitCodeList} form, ordered by code. */
    public static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(OK + ":", "success (demo: no limit was exceeded)");
        codes.put(ERROR + ":", "error (the message says what failed)");
        codes.put(USAGE + ":", "usage error (unknown option, invalid value)");
        codes.put(LIMIT_EXCEEDED + ":", "demo: a limit admitted more than it allows");
        return codes;
    }
}
