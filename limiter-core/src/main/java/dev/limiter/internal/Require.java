package dev.limiter.internal;

/**
 * Argument checks with one wording for every entry point: each message names the field, shows the value
 * and states the rule, so that a user can fix the input without reading code.
 *
 * <p>Identifiers are checked by hand-written loops rather than regular expressions because they run on the
 * acquire path.
 */
public final class Require {

    /** Longest entity id or resource name, in characters. */
    public static final int MAX_IDENTIFIER_LENGTH = 256;
    /** Longest namespace, in characters. */
    public static final int MAX_NAMESPACE_LENGTH = 64;
    /** Longest limit name, in characters. */
    public static final int MAX_LIMIT_NAME_LENGTH = 64;

    private static final String ENTITY_RULE = "[A-Za-z0-9][A-Za-z0-9_.:@-]*";
    private static final String RESOURCE_RULE = "[A-Za-z0-9][A-Za-z0-9_.:@/-]*";
    private static final String NAMESPACE_RULE = "[A-Za-z0-9][A-Za-z0-9_.-]*";
    private static final String LIMIT_NAME_RULE = "[A-Za-z][A-Za-z0-9_.-]*";
    private static final int ECHO_LIMIT = 48;
    /** ASCII 0-63 and 64-127 as bit sets: digits, '.' and '-'; letters and '_'. */
    private static final long LOW_DIGITS = 0x03FF_0000_0000_0000L;
    private static final long LOW_DOT_DASH = (1L << '.') | (1L << '-');
    private static final long HIGH_LETTERS = 0x07FF_FFFE_07FF_FFFEL;
    private static final long HIGH_UNDERSCORE = 1L << ('_' - 64);

    private Require() {
    }

    /** Returns {@code value} if it is a valid entity id, else throws naming {@code field}. */
    public static String entityId(String field, String value) {
        return check(field, value, ENTITY_RULE, MAX_IDENTIFIER_LENGTH, true, ":@", true);
    }

    /** Returns {@code value} if it is a valid resource name (entity rules plus {@code /}). */
    public static String resource(String field, String value) {
        return check(field, value, RESOURCE_RULE, MAX_IDENTIFIER_LENGTH, true, ":@/", true);
    }

    /** Returns {@code value} if it is a valid namespace. */
    public static String namespace(String field, String value) {
        return check(field, value, NAMESPACE_RULE, MAX_NAMESPACE_LENGTH, true, "", true);
    }

    /** Returns {@code value} if it is a valid limit name. */
    public static String limitName(String field, String value) {
        return check(field, value, LIMIT_NAME_RULE, MAX_LIMIT_NAME_LENGTH, false, "", true);
    }

    /** Returns {@code value} if it lies in {@code [1, max]}. */
    public static long positive(String field, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(
                    field + " is " + value + ": must be between 1 and " + max);
        }
        return value;
    }

    /** Returns {@code value} if it lies in {@code [min, max]}. */
    public static long between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    field + " is " + value + ": must be between " + min + " and " + max);
        }
        return value;
    }

    /** Returns {@code value}, or throws naming {@code field} if it is {@code null}. */
    public static <T> T nonNull(String field, T value) {
        // Not Objects.requireNonNull(value, supplier): the capturing lambda would be allocated on every check.
        if (value == null) {
            throw new NullPointerException(field + " must not be null");
        }
        return value;
    }

    /** Throws an {@link IllegalArgumentException} with {@code message} unless {@code condition} holds. */
    public static void argument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Shortens a user-supplied value for an error message and makes control characters visible. */
    public static String echo(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), ECHO_LIMIT) + 24);
        int shown = Math.min(value.length(), ECHO_LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > ECHO_LIMIT) {
            out.append("...(").append(value.length()).append(" characters)");
        }
        return out.toString();
    }

    private static String check(String field, String value, String rule, int maxLength,
                                boolean digitFirst, String extra, boolean dotDashUnderscore) {
        nonNull(field, value);
        if (value.isEmpty() || value.length() > maxLength || !valid(value, digitFirst, extra, dotDashUnderscore)) {
            throw new IllegalArgumentException(field + " '" + echo(value) + "' is invalid: must match "
                    + rule + " and be 1 to " + maxLength + " characters long");
        }
        return value;
    }

    private static boolean valid(String value, boolean digitFirst, String extra, boolean dotDashUnderscore) {
        char first = value.charAt(0);
        if (!isAsciiLetter(first) && !(digitFirst && isAsciiDigit(first))) {
            return false;
        }
        // The allowed ASCII characters as a 128-bit set, so that each further character costs a shift and a test.
        long low = LOW_DIGITS | (dotDashUnderscore ? LOW_DOT_DASH : 0);
        long high = HIGH_LETTERS | (dotDashUnderscore ? HIGH_UNDERSCORE : 0);
        for (int i = 0; i < extra.length(); i++) {
            char c = extra.charAt(i);
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            long set = c < 64 ? low : high;
            if (c >= 128 || (set & (1L << c)) == 0) { // shifts take c modulo 64
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
