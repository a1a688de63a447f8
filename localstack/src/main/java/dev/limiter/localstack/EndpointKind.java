package dev.limiter.localstack;

/** What serves a DynamoDB endpoint. */
public enum EndpointKind {
    /** A {@code moto_server} process (moto 5.x, Python) started by this module. */
    MOTO,
    /**
     * A {@code moto_server} started by this module behind the strict engine ({@link MotoEngine#STRICT}):
     * DynamoDB's transaction conflicts, throttling, idempotency and limits, controlled through
     * {@link DynamoDbTestEndpoint#strict()}.
     */
    MOTO_STRICT,
    /** LocalStack, started through Testcontainers or {@code docker compose}. */
    LOCALSTACK,
    /** An endpoint named by {@code LIMITER_TEST_ENDPOINT}: this module neither started nor stops it. */
    EXTERNAL
}
