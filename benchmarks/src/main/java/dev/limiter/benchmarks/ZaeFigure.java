package dev.limiter.benchmarks;

/**
 * zae-limiter's counterpart of a cost scenario, as its published figures and documented paths give it
 * (REFERENCE.md); not measured by this project. Its published cost is about $0.625–0.75 per million acquires on
 * demand, that is 1–1.2 write units each; REFERENCE.md also notes that its bucket index with ALL projection doubles
 * the write units of every bucket write and that its cost tables count failed conditional writes as free.
 *
 * @param requests its requests per acquire on the matching path
 * @param writeUnits its write units per acquire, published or derived from the path
 */
record ZaeFigure(String requests, String writeUnits) {

    /** One composite item per entity and resource holds every limit, so one limit or several cost the same. */
    static final ZaeFigure SINGLE_BUCKET = new ZaeFigure(
            "1 (speculative UpdateItem, stored tokens suffice); else 2–3 (read + refill + locked write)",
            "published ≈ 1–1.2 ($0.625–0.75/M); 2 with its ALL-projection bucket GSI (derived)");
    /** A cascade of two levels goes through a transaction. */
    static final ZaeFigure CASCADE_TWO = new ZaeFigure(
            "1 TransactWriteItems of 2 items (its fast-path cascade is not atomic)",
            "2 items × 2 = 4, plus GSI writes (derived)");
    /** Its hierarchy stops at two levels. */
    static final ZaeFigure CASCADE_THREE = new ZaeFigure("not supported (two levels at most)", "n/a");
    /** Contention drains stored tokens, which sends writers to the locked slow path. */
    static final ZaeFigure CONTENDED = new ZaeFigure(
            "1 while stored tokens suffice; else 2–3, plus retries when the `rf` lock conflicts"
                    + " (no published figure)",
            "1–3 writes of 1 (2 with GSI) each (derived)");
    /** A rejection is found on the slow path after the speculative write failed. */
    static final ZaeFigure REJECTION = new ZaeFigure(
            "failed speculative write, then the slow path: 2–3 (derived)",
            "≥ 1 (failed writes billed, counted free in its tables)");
    /** Adjustments are written when the context manager exits. */
    static final ZaeFigure ADJUSTED = new ZaeFigure("acquire path + 1 write on exit (derived)", "+1 (+2 with GSI)");
    /** Its configuration cache has a 60 s TTL and negative entries, like ours. */
    static final ZaeFigure NEW_ENTITY = new ZaeFigure("config reads on a cache miss + acquire (no published figure)",
            "as the acquire path");
}
