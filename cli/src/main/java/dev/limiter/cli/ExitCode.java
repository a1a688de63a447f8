package dev.limiter.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code limiter} process returns. Every command returns one of these; the list also appears at the end
 * of {@code limiter --help} and in {@code docs/cli.md}.
 *
 * <p>Codes 0, 1 and 2 follow Terraform's {@code -detailed-exitcode}, so scripts written for {@code terraform plan}
 * read {@code limiter limits plan --detailed-exitcode} the same way. Usage errors therefore take 64
 * ({@code EX_USAGE} of BSD's sysexits.h) rather than picocli's default 2, which would read as "changes present".
 */
public final class ExitCode {

    /** The command did what was asked (plan and diff: also when changes exist, unless --detailed-exitcode). */
    public static final int OK = 0;

    /**
     * The command failed: invalid limits file, stale saved plan, apply cancelled or interrupted, backend unreachable,
     * table missing, unknown entity. The message on stderr says which.
     */
    public static final int ERROR = 1;

    /**
     * {@code limits plan|diff --detailed-exitcode}: the run succeeded and the table differs from the file;
     * {@code limits fmt --check}: a file is not in canonical form.
     */
    public static final int CHANGES = 2;

    /**
     * A limit stopped a request: {@code acquire} was rejected (the message gives the retry-after), or the
     * {@code demo}'s independent accounting found more admitted than an entity's limits allow.
     */
    public static final int LIMIT_EXCEEDED = 3;

    /** The command line was wrong: unknown option, missing or invalid value, no table. Nothing was done. */
    public static final int USAGE = 64;

    private ExitCode() {
    }

    /** The codes with a one-line description each, in picocli's {@code exitCodeList} form, ordered by code. */
    public static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(OK + ":", "success");
        codes.put(ERROR + ":", "error (the message says what failed)");
        codes.put(CHANGES + ":", "plan/diff --detailed-exitcode: the table differs from the file; "
                + "fmt --check: a file is not canonical");
        codes.put(LIMIT_EXCEEDED + ":", "acquire rejected, or demo: a limit admitted more than it allows");
        codes.put(USAGE + ":", "usage error (unknown option, invalid or missing value)");
        return codes;
    }
}
