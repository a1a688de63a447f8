package dev.limiter.testkit;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a randomised test from a seed and names the seed when it fails. The seed is random unless the system
 * property {@code limiter.seed} fixes it: {@code mvn test -Dtest=TheTest -Dlimiter.seed=123}.
 */
public final class SeededRandom {

    private SeededRandom() {
    }

    /** Runs {@code test} with a random source; a failure is rethrown with the seed and the replay command. */
    public static void run(String testName, Consumer<SplittableRandom> test) {
        long seed = Long.getLong("limiter.seed", new SplittableRandom().nextLong());
        try {
            test.accept(new SplittableRandom(seed));
        } catch (AssertionError | RuntimeException failure) {
            AssertionError withSeed = new AssertionError("failed with seed " + seed + "; replay with: mvn test -Dtest='"
                    + testName + "' -Dlimiter.seed=" + seed + System.lineSeparator() + failure.getMessage(), failure);
            throw withSeed;
        }
    }
}
