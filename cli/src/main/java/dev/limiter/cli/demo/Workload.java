package dev.limiter.cli.demo;

import dev.limiter.AcquireRequest;
import dev.limiter.RateLimiter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every worker of one demo shares: the limiter, the organisation, the settings, the scheduler that simulates
 * model latency, the clock and deadline, the {@link Ledger} and the in-flight counter; and how a call is drawn.
 *
 * <p>Thread-safe: the collaborators are, and the rest is immutable. Each worker draws from its own random source.
 */
final class Workload {

    static final String RPM = "rpm";
    static final String TPM = "tpm";

    private final RateLimiter limiter;
    private final DemoSettings settings;
    private final ScheduledExecutorService scheduler;
    private final InstantSource clock;
    private final Instant deadline;
    private final Ledger ledger;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Organisation.Member> users;
    private final int[] cumulativeWeights;
    private final Map<String, Long> amounts;

    Workload(RateLimiter limiter, Organisation organisation, DemoSettings settings, ScheduledExecutorService scheduler,
             InstantSource clock, Instant deadline, Ledger ledger) {
        this.limiter = limiter;
        this.settings = settings;
        this.scheduler = scheduler;
        this.clock = clock;
        this.deadline = deadline;
        this.ledger = ledger;
        this.users = organisation.users();
        this.cumulativeWeights = new int[users.size()];
        int total = 0;
        for (int i = 0; i < users.size(); i++) {
            total += users.get(i).weight();
            cumulativeWeights[i] = total;
        }
        Map<String, Long> asked = new LinkedHashMap<>();
        asked.put(RPM, 1L);
        asked.put(TPM, settings.estimatedTokens());
        this.amounts = Map.copyOf(asked);
    }

    /** Draws the next call: a user by weight, the tokens it really uses, whether it fails, its latency. */
    ModelCall nextCall(SplittableRandom random) {
        int pick = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int index = 0;
        while (cumulativeWeights[index] <= pick) {
            index++;
        }
        long used = random.nextLong(settings.minTokens(), settings.maxTokens() + 1);
        boolean fails = random.nextInt(100) < settings.failurePercent();
        long minNanos = settings.minLatency().toNanos();
        Duration latency = Duration.ofNanos(random.nextLong(minNanos, settings.maxLatency().toNanos() + 1));
        return new ModelCall(users.get(index), used, fails, latency);
    }

    /** The acquire a call makes: {@code rpm 1} and the estimated {@code tpm}. */
    AcquireRequest request(ModelCall call) {
        return AcquireRequest.of(call.user().id(), settings.resource(), amounts);
    }

    /** What {@link #request} asks for, by limit name. */
    Map<String, Long> amounts() {
        return amounts;
    }

    /** Whether workers should stop starting new calls. */
    boolean pastDeadline() {
        return !clock.instant().isBefore(deadline);
    }

    RateLimiter limiter() {
        return limiter;
    }

    DemoSettings settings() {
        return settings;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Ledger ledger() {
        return ledger;
    }

    AtomicInteger inFlight() {
        return inFlight;
    }
}
