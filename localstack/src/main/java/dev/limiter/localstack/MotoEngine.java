package dev.limiter.localstack;

import java.util.Locale;

/**
 * How a {@code moto_server} started by this module serves requests.
 *
 * <p>Select it with the JUnit configuration parameter or system property {@value #PROPERTY} or the environment
 * variable {@value #VARIABLE}: {@code serialized} (the default) or {@code strict}.
 */
public enum MotoEngine {

    /**
     * moto with requests applied one at a time ({@code serialized_moto_server.py}): conditional writes and
     * transactions are atomic, as on DynamoDB, but transactions never conflict and nothing is throttled.
     */
    SERIALIZED("serialized_moto_server.py"),

    /**
     * The serialised moto with DynamoDB's documented concurrency and limits on top ({@code strict_moto_server.py}):
     * transactions hold their items (conflicts), per-partition-key write throttling, {@code ClientRequestToken}
     * idempotency, ambiguous failures on demand and the expression and number limits; controlled through
     * {@link StrictControl}.
     */
    STRICT("strict_moto_server.py");

    /** The system property or JUnit configuration parameter that selects the engine. */
    public static final String PROPERTY = "limiter.test.engine";

    /** The environment variable that selects the engine; the property wins over it. */
    public static final String VARIABLE = "LIMITER_TEST_ENGINE";

    private final String script;

    MotoEngine(String script) {
        this.script = script;
    }

    /**
     * Parses a setting value, ignoring case and surrounding blanks.
     *
     * @param value {@code serialized} or {@code strict}
     * @return the engine
     * @throws IllegalArgumentException if the value is neither, naming the setting and the allowed values
     */
    public static MotoEngine parse(String value) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (MotoEngine engine : values()) {
            if (engine.name().toLowerCase(Locale.ROOT).equals(name)) {
                return engine;
            }
        }
        throw new IllegalArgumentException(PROPERTY + " (" + VARIABLE + ") must be 'serialized' or 'strict', was '"
                + value + "'");
    }

    /** Returns the name of the Python script, a resource of this package, that serves this engine. */
    String script() {
        return script;
    }

    /** Returns the endpoint kind a server of this engine reports. */
    EndpointKind kind() {
        return this == STRICT ? EndpointKind.MOTO_STRICT : EndpointKind.MOTO;
    }
}
