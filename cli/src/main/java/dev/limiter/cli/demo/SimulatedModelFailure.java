package dev.limiter.cli.demo;

/** The simulated model failed; the demo's lease is rolled back. Expected, so it has no stack trace. */
final class SimulatedModelFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SimulatedModelFailure(String user) {
        super("simulated model failure for " + user, null, false, false);
    }
}
