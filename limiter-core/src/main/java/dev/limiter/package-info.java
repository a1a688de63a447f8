/**
 * The API applications use: {@link dev.limiter.RateLimiter} and its builder, {@link dev.limiter.Limit},
 * {@link dev.limiter.AcquireRequest}, {@link dev.limiter.Lease}, {@link dev.limiter.Decision}, statuses, policies,
 * the listener hook and the exceptions.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).build();
 * AcquireRequest req = AcquireRequest.of("user-42", "gpt-4")
 *         .consume("rpm", 1).consume("tpm", 500)
 *         .withLimits(Limit.perMinute("rpm", 100), Limit.perMinute("tpm", 10_000));
 * try (Lease lease = limiter.acquire(req)) {       // throws RateLimitExceededException
 *     Answer answer = llm.call();
 *     lease.adjust("tpm", answer.totalTokens() - 500); // may go into debt
 * }                                                  // close() commits the adjustment
 * }</pre>
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter;
