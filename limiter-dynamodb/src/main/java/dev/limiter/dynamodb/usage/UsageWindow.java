package dev.limiter.dynamodb.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The kinds of usage window: UTC hours and UTC days. The code is part of every snapshot key. */
public enum UsageWindow {

    /** One UTC hour; key code {@code H}. */
    HOURLY("H", ChronoUnit.HOURS),
    /** One UTC day, midnight to midnight; key code {@code D}. */
    DAILY("D", ChronoUnit.DAYS);

    private final String code;
    private final ChronoUnit unit;

    UsageWindow(String code, ChronoUnit unit) {
        this.code = code;
        this.unit = unit;
    }

    /** The one-letter code used in keys. */
    public String code() {
        return code;
    }

    /** The window's length. */
    public Duration length() {
        return unit.getDuration();
    }

    /** The start of the window of this kind that contains {@code instant}. */
    public Instant startOf(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /** The window kind with key code {@code code}. */
    public static UsageWindow ofCode(String code) {
        for (UsageWindow window : values()) {
            if (window.code.equals(code)) {
                return window;
            }
        }
        throw new IllegalArgumentException("usage window code '" + code + "' is invalid: must be H or D");
    }
}
