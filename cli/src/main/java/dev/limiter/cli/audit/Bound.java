package dev.limiter.cli.audit;

import java.time.Duration;
import java.time.Instant;

/** A time bound as given on the command line: a fixed instant or a duration before now. */
sealed interface Bound {

    /** The instant this bound names when it is {@code now}. */
    Instant resolve(Instant now);

    /** A fixed instant. @param instant the instant */
    record At(Instant instant) implements Bound {
        @Override
        public Instant resolve(Instant now) {
            return instant;
        }
    }

    /** A duration before now. @param duration how long ago */
    record Ago(Duration duration) implements Bound {
        @Override
        public Instant resolve(Instant now) {
            return now.minus(duration);
        }
    }
}
