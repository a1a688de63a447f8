/**
 * Pure bucket arithmetic shared by every backend: no I/O and no clock reads; the current time is always a
 * parameter.
 *
 * <h2>GCRA and TAT</h2>
 * A token bucket of capacity {@code C} refilling {@code R} tokens per period {@code P} is kept as one number,
 * the <em>theoretical arrival time</em> (TAT): the instant, in nanoseconds since the epoch, at which the
 * bucket would be full again. Taking {@code c} tokens costs {@code inc = ceil(c * P / R)} nanoseconds and
 * the tolerance of a full bucket is {@code tau = ceil(C * P / R)}. At time {@code now} the bucket's
 * <em>backlog</em> is {@code max(TAT - now, 0)} and a request is admitted iff its backlog is at most its
 * <em>slack</em> {@code floor((C - c) * P / R)} (the exact integer form of {@code backlog + inc <= tau});
 * admitting it sets {@code TAT = max(TAT, now) + inc}. A rejected request may retry after exactly
 * {@code backlog - slack} nanoseconds. The tokens available now are {@code C - ceil(backlog * R / P)};
 * they are negative when adjustments have driven the bucket into debt ({@code backlog > tau}), which refill
 * repays. Costs round up and slack rounds down, so rounding can only ever admit less than the exact bucket.
 *
 * <p>This is the generic cell rate algorithm: it needs no refill step and no lock, which is what lets the
 * DynamoDB backend admit a request with one conditional write.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.bucket;
