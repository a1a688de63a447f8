package dev.limiter.benchmarks;

/**
 * How many acquires a cost scenario made and how many were granted.
 *
 * @param attempted acquire calls
 * @param granted granted ones
 */
record AcquireCount(long attempted, long granted) {

    AcquireCount plus(AcquireCount other) {
        return new AcquireCount(attempted + other.attempted, granted + other.granted);
    }
}
