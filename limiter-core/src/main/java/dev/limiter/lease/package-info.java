/**
 * The lease life cycle: what a lease charged, the adjustments it holds until commit, and the exact writes that
 * settle it.
 *
 * <p>A lease keeps, per bucket and limit, the net tokens it charged. Every settlement moves a net amount from
 * {@code n} to {@code n'} and writes the bucket-time difference {@code cost(n') - cost(n)}, so the writes
 * telescope: whatever sequence of adjustments a lease makes, the bucket time it holds is exactly {@code cost(n)},
 * and a rollback gives back exactly that, never more.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.lease;
