package dev.limiter.bucket;

import dev.limiter.Limit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The state of one bucket: every limit stored for one (namespace, entity, resource), kept together so that
 * one write can check and charge all of them.
 *
 * <p>Immutable. Bucket items hold a handful of limits, so lookups by name are linear scans.
 *
 * @param limits the state of each limit, at most one per name
 */
public record BucketState(List<LimitState> limits) {

    /** A bucket that has never been written. */
    public static final BucketState EMPTY = new BucketState(List.of());

    /** Copies the list. */
    public BucketState {
        limits = List.copyOf(limits);
    }

    /** The state of the limit called {@code name}, if the bucket has one. */
    public Optional<LimitState> find(String name) {
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).limit().name().equals(name)) {
                return Optional.of(limits.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The state of {@code limit} as of {@code nowNanos}: the stored state reconciled to the given parameters,
     * or a full bucket if none is stored.
     */
    public LimitState stateFor(Limit limit, long nowNanos) {
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).limit().name().equals(limit.name())) {
                return limits.get(i).reconcile(limit, nowNanos);
            }
        }
        return LimitState.fresh(limit);
    }

    /** Returns a copy in which {@code state} replaces the state of the same name, or is added. */
    public BucketState with(LimitState state) {
        List<LimitState> updated = new ArrayList<>(limits.size() + 1);
        boolean replaced = false;
        for (LimitState existing : limits) {
            if (existing.limit().name().equals(state.limit().name())) {
                updated.add(state);
                replaced = true;
            } else {
                updated.add(existing);
            }
        }
        if (!replaced) {
            updated.add(state);
        }
        return new BucketState(updated);
    }

    /**
     * Returns a copy in which each of {@code states} replaces the state of the same name, or is added: one pass, one
     * copy, whatever the number of limits changed.
     */
    public BucketState withAll(List<LimitState> states) {
        LimitState[] updated = new LimitState[limits.size() + states.size()];
        int count = 0;
        for (int i = 0; i < limits.size(); i++) {
            LimitState replacement = limits.get(i);
            for (int j = 0; j < states.size(); j++) {
                if (states.get(j).limit().name().equals(replacement.limit().name())) {
                    replacement = states.get(j);
                    break;
                }
            }
            updated[count++] = replacement;
        }
        for (int j = 0; j < states.size(); j++) {
            if (indexOf(states.get(j).limit().name()) < 0) {
                updated[count++] = states.get(j);
            }
        }
        return new BucketState(List.of(count == updated.length ? updated : Arrays.copyOf(updated, count)));
    }

    private int indexOf(String name) {
        for (int i = 0; i < limits.size(); i++) {
            if (limits.get(i).limit().name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether every limit of this bucket is full at {@code nowNanos}, so the bucket equals an absent one. */
    public boolean isFullAt(long nowNanos) {
        for (LimitState state : limits) {
            if (state.tatNanos() > nowNanos) {
                return false;
            }
        }
        return true;
    }
}
