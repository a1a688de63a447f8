package dev.limiter.cli.demo;

import java.time.Duration;

/**
 * A snapshot of a running demo.
 *
 * @param granted    calls granted so far
 * @param rejected   calls rejected so far
 * @param rolledBack granted calls whose model call failed and whose lease was rolled back
 * @param inFlight   calls acquired and waiting for the model now
 * @param elapsed    time since the workers started
 * @param duration   how long the workers start new calls
 */
public record Progress(long granted, long rejected, long rolledBack, int inFlight, Duration elapsed,
                       Duration duration) {
}
