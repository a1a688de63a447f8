/**
 * An example web service rate-limited with the limiter's Spring Boot starter: per-user request and token limits on a
 * simulated chat completion endpoint.
 */
package dev.limiter.example;
