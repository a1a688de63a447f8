package dev.limiter.dynamodb.audit;

import dev.limiter.internal.Require;

import java.time.Duration;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * How changes are recorded: who is named as the actor, the source, the reason, how long entries are kept and the
 * clock that dates them. Immutable; the actor supplier is called once per entry and should cache what it computes
 * (the CLI asks STS at most once per process).
 *
 * @param actor     who makes the changes, e.g. an IAM principal ARN or a service name
 * @param source    what makes them: {@code library} unless set
 * @param reason    why, recorded with every entry; empty if not given
 * @param retention how long an entry is kept before the table's TTL removes it (DynamoDB deletes expired items
 *                  within a few days, not at once)
 * @param clock     dates the entries
 */
public record AuditSettings(Supplier<String> actor, String source, String reason, Duration retention,
                            InstantSource clock) {

    /** The default retention: 400 days, a year and a bit, so a yearly review still sees last year's changes. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);

    /** Validates the fields. */
    public AuditSettings {
        Require.nonNull("actor", actor);
        Require.nonNull("source", source);
        Require.nonNull("reason", reason);
        Require.argument(!retention.isNegative() && !retention.isZero(), "audit retention is " + retention
                + ": must be positive");
        Require.nonNull("clock", clock);
    }

    /** Changes made by {@code actor} through the library, kept {@link #DEFAULT_RETENTION}, dated by the system clock. */
    public static AuditSettings of(String actor) {
        Require.nonNull("actor", actor);
        return new AuditSettings(() -> actor, "library", "", DEFAULT_RETENTION, InstantSource.system());
    }

    /** A copy naming {@code newActor}, resolved when the first entry is written. */
    public AuditSettings withActor(Supplier<String> newActor) {
        return new AuditSettings(newActor, source, reason, retention, clock);
    }

    /** A copy with {@code newSource}. */
    public AuditSettings withSource(String newSource) {
        return new AuditSettings(actor, newSource, reason, retention, clock);
    }

    /** A copy recording {@code newReason} with every entry. */
    public AuditSettings withReason(String newReason) {
        return new AuditSettings(actor, source, newReason, retention, clock);
    }

    /** A copy keeping entries for {@code newRetention}. */
    public AuditSettings withRetention(Duration newRetention) {
        return new AuditSettings(actor, source, reason, newRetention, clock);
    }

    /** A copy dating entries with {@code newClock}. */
    public AuditSettings withClock(InstantSource newClock) {
        return new AuditSettings(actor, source, reason, retention, newClock);
    }
}
