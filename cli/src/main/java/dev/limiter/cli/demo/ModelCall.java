package dev.limiter.cli.demo;

import java.time.Duration;

/**
 * One simulated LLM call, drawn before it is made.
 *
 * @param user       who makes it
 * @param usedTokens tokens the model really uses (the lease is adjusted to them)
 * @param fails      whether the model call fails, so the lease is rolled back
 * @param latency    how long the model takes to answer
 */
record ModelCall(Organisation.Member user, long usedTokens, boolean fails, Duration latency) {
}
