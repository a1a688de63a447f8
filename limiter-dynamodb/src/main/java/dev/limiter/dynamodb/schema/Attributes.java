package dev.limiter.dynamodb.schema;

/**
 * Attribute names. Short on purpose: bucket items are written on every acquire and billed per kilobyte.
 */
public final class Attributes {

    /** Partition key. */
    public static final String PK = "pk";
    /** Sort key. */
    public static final String SK = "sk";
    /** Partition key of index {@link #GSI1}. */
    public static final String GSI1_PK = "g1pk";
    /** Sort key of index {@link #GSI1}. */
    public static final String GSI1_SK = "g1sk";
    /** The sparse index over entities and configurations. */
    public static final String GSI1 = "gsi1";
    /** Expiry for DynamoDB TTL, epoch seconds; garbage collection of idle buckets only. */
    public static final String TTL = "ttl";
    /** Token of the last write that charged or settled a bucket, to recognise a retried duplicate. */
    public static final String LAST_TOKEN = "l";
    /** Fingerprints of the tokens of a bucket's latest writes, oldest first, to recognise a retried duplicate. */
    public static final String RECENT_TOKENS = "lt";
    /** Prefix of a limit's theoretical arrival time, epoch nanoseconds. */
    public static final String TAT_PREFIX = "t_";
    /** Prefix of a limit's net consumption counter, tokens. */
    public static final String CONSUMED_PREFIX = "c_";
    /** Prefix of a limit's parameters, {@code capacity:refillAmount:periodNanos}. */
    public static final String PARAMS_PREFIX = "p_";
    /** Entity: parent id. */
    public static final String PARENT = "par";
    /** Entity: cascade flag. */
    public static final String CASCADE = "cas";
    /** Entity: display name. */
    public static final String DISPLAY_NAME = "dn";
    /** Entity: metadata map. */
    public static final String METADATA = "md";
    /** Configuration: limits by name, each {@code {c, ra, rp}} plus {@code sh}, {@code lsh}, {@code lho} when set. */
    public static final String LIMITS = "lim";
    /** Configuration: names marked unlimited. */
    public static final String UNLIMITED = "unl";
    /** Namespace settings: the declared on-unavailable policy. */
    public static final String ON_UNAVAILABLE = "ou";
    /** Marks an item written by a limits file's apply; only such items are ever destroyed by a plan. */
    public static final String MANAGED = "mg";
    /** Limit capacity inside {@link #LIMITS}. */
    public static final String CAPACITY = "c";
    /** Limit refill amount inside {@link #LIMITS}. */
    public static final String REFILL_AMOUNT = "ra";
    /** Limit refill period in nanoseconds inside {@link #LIMITS}. */
    public static final String REFILL_PERIOD = "rp";
    /** In a configuration's limit: present and true when the limit is in shadow mode (reports, never rejects). */
    public static final String SHADOW = "sh";
    /**
     * In a configuration's limit: the local allowance's largest share of capacity one process may hold, a decimal
     * number in (0, 1]; absent (with {@link #LOCAL_HOLD}) when the limit has no local allowance.
     */
    public static final String LOCAL_SHARE = "lsh";
    /** In a configuration's limit: the local allowance's longest hold in nanoseconds; absent with {@link #LOCAL_SHARE}. */
    public static final String LOCAL_HOLD = "lho";

    /** Usage snapshot: requests counted in the window. */
    public static final String REQUESTS = "rq";
    /** Usage snapshot: prefix of a limit's net tokens consumed in the window. */
    public static final String AMOUNT_PREFIX = "a_";
    /** Usage snapshot: window start, epoch seconds. */
    public static final String WINDOW_START = "ws";
    /** Usage snapshot: window end (exclusive), epoch seconds. */
    public static final String WINDOW_END = "we";
    /** Usage snapshot: highest stream sequence number applied, zero-padded to 40 digits. */
    public static final String WATERMARK = "wm";

    private Attributes() {
    }

    /** The TAT attribute of limit {@code name}. */
    public static String tat(String name) {
        return TAT_PREFIX + name;
    }

    /** The consumption attribute of limit {@code name}. */
    public static String consumed(String name) {
        return CONSUMED_PREFIX + name;
    }

    /** The usage amount attribute of limit {@code name}. */
    public static String amount(String name) {
        return AMOUNT_PREFIX + name;
    }

    /** The parameters attribute of limit {@code name}. */
    public static String params(String name) {
        return PARAMS_PREFIX + name;
    }
}
