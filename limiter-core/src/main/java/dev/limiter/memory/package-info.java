/**
 * The in-memory backend: the embedded default for single-process use, tests and demos, with the same semantics
 * as the DynamoDB backend (both pass the contract kit in limiter-core's test-jar).
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.memory;
