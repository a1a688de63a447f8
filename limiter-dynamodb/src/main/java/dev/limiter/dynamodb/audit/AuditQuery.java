package dev.limiter.dynamodb.audit;

import dev.limiter.internal.Require;

import java.time.Instant;

/**
 * Which entries {@link AuditLog#list} returns, newest first.
 *
 * @param since         the earliest time, inclusive
 * @param until         the latest time, exclusive
 * @param addressPrefix only addresses starting with this ({@code ""}: all), e.g. {@code entity.acme}
 * @param actor         only this actor ({@code ""}: all)
 * @param limit         at most this many entries, 1 to 10,000
 */
public record AuditQuery(Instant since, Instant until, String addressPrefix, String actor, int limit) {

    /** Validates the fields. */
    public AuditQuery {
        Require.nonNull("since", since);
        Require.nonNull("until", until);
        Require.argument(since.isBefore(until), "audit query since " + since + " is not before until " + until);
        Require.nonNull("addressPrefix", addressPrefix);
        Require.nonNull("actor", actor);
        Require.argument(limit >= 1 && limit <= 10_000, "audit query limit is " + limit + ": must be 1 to 10000");
    }

    /** Whether {@code entry} passes the address and actor filters. */
    public boolean matches(AuditEntry entry) {
        return entry.address().startsWith(addressPrefix) && (actor.isEmpty() || entry.actor().equals(actor));
    }
}
