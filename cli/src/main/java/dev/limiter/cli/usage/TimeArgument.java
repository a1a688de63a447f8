package dev.limiter.cli.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A point in time as given to {@code --since} or {@code --until}: fixed (an instant or a date) or relative to the
 * moment the command runs ({@code 24h} ago). {@link TimeConverter} reads it; the command resolves it against the
 * clock it reads once.
 */
sealed interface TimeArgument {

    /** The instant this argument names when the command runs at {@code now}. */
    Instant resolve(Instant now);

    /**
     * A fixed instant.
     *
     * @param instant the instant
     */
    record At(Instant instant) implements TimeArgument {

        /** Requires an instant. */
        public At {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public Instant resolve(Instant now) {
            return instant;
        }
    }

    /**
     * A time before the command runs; zero means now.
     *
     * @param ago how long before now, not negative
     */
    record Ago(Duration ago) implements TimeArgument {

        /** Requires a duration that is not negative. */
        public Ago {
            Objects.requireNonNull(ago, "ago");
            if (ago.isNegative()) {
                throw new IllegalArgumentException("ago is " + ago + ": must not be negative");
            }
        }

        @Override
        public Instant resolve(Instant now) {
            return now.minus(ago);
        }
    }
}
