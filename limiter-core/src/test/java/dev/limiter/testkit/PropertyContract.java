package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random operation sequences (acquire, advance time, adjust, commit, roll back) on one bucket with two limits,
 * checked step by step against {@link ReferenceBucket}s: same decisions, same retry-after, same available tokens.
 */
public abstract class PropertyContract extends BackendContract {

    /** Operations per sequence; backends over a network may lower it. */
    protected int operationsPerSequence() {
        return 400;
    }

    @Test
    void randomSequences_matchReferenceTokenBucket() {
        SeededRandom.run(getClass().getSimpleName() + "#randomSequences_matchReferenceTokenBucket", random -> {
            for (int sequence = 0; sequence < 3; sequence++) {
                new Sequence(random, "e" + sequence).run(operationsPerSequence());
            }
        });
    }

    /** One entity's bucket with two random limits and the reference buckets that shadow them. */
    private final class Sequence {
        private final SplittableRandom random;
        private final String entity;
        private final RateLimiter limiter = limiter();
        private final List<ReferenceBucket> references = new ArrayList<>();
        private final List<Lease> open = new ArrayList<>();

        Sequence(SplittableRandom random, String entity) {
            this.random = random;
            this.entity = entity;
            references.add(new ReferenceBucket(randomLimit("a"), clock.nanos()));
            references.add(new ReferenceBucket(randomLimit("b"), clock.nanos()));
        }

        void run(int operations) {
            for (int i = 0; i < operations; i++) {
                int op = random.nextInt(10);
                if (op < 4) {
                    acquire();
                } else if (op < 6) {
                    clock.advanceNanos(random.nextLong(references.get(0).limit().periodNanos() / 2 + 1));
                } else if (op < 8 && !open.isEmpty()) {
                    adjustAndCommit(open.remove(random.nextInt(open.size())));
                } else if (!open.isEmpty()) {
                    rollback(open.remove(random.nextInt(open.size())));
                }
                for (ReferenceBucket reference : references) {
                    assertThat(available(entity, "r", reference.limit())).as("available %s after operation %d",
                            reference.limit(), i).isEqualTo(reference.available(clock.nanos()));
                }
            }
        }

        private Limit randomLimit(String name) {
            long rate = 1 + random.nextInt(1_000);
            long nanosPerToken = 1_000 + random.nextLong(100_000_000);
            long capacity = 1 + random.nextLong(3 * rate);
            return Limit.of(name, capacity, rate, Duration.ofNanos(rate * nanosPerToken));
        }

        private void acquire() {
            long now = clock.nanos();
            AcquireRequest request = AcquireRequest.of(entity, "r").withLimits(references.get(0).limit(),
                    references.get(1).limit());
            long[] amounts = new long[references.size()];
            boolean all = true;
            long wait = 0;
            for (int i = 0; i < references.size(); i++) {
                ReferenceBucket reference = references.get(i);
                amounts[i] = 1 + random.nextLong(reference.limit().capacity());
                request = request.consume(reference.limit().name(), amounts[i]);
                all &= reference.has(amounts[i], now);
                wait = Math.max(wait, reference.retryAfterNanos(amounts[i], now));
            }
            Decision decision = limiter.tryAcquire(request);
            assertThat(decision.isGranted()).as("granted at %d", now).isEqualTo(all);
            if (decision instanceof Decision.Granted granted) {
                for (int i = 0; i < references.size(); i++) {
                    references.get(i).take(amounts[i], now);
                }
                open.add(granted.lease());
            } else {
                assertThat(((Decision.Rejected) decision).retryAfter()).isEqualTo(Duration.ofNanos(wait));
            }
        }

        private void adjustAndCommit(Lease lease) {
            long now = clock.nanos();
            for (ReferenceBucket reference : references) {
                String name = reference.limit().name();
                long charged = lease.charged().get(name);
                long delta = random.nextLong(-charged - 5, 2 * charged + 5);
                lease.adjust(name, delta);
                if (delta >= 0) {
                    reference.take(delta, now);
                } else {
                    reference.give(Math.min(-delta, charged), now);
                }
            }
            lease.commit();
        }

        private void rollback(Lease lease) {
            long now = clock.nanos();
            for (ReferenceBucket reference : references) {
                reference.give(lease.charged().get(reference.limit().name()), now);
            }
            lease.rollback();
        }
    }
}
