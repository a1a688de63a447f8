/**
 * A local DynamoDB endpoint for the tests of every module and for {@code limiter local up}.
 *
 * <p>Three sources are supported, chosen by {@link dev.limiter.localstack.DynamoDbEndpointExtension}:
 * an external endpoint named by {@code LIMITER_TEST_ENDPOINT} (LocalStack from {@code docker-compose.yml},
 * or a real account), LocalStack started through Testcontainers when Docker is present and
 * {@code -Dlimiter.test.localstack=true}, and otherwise one {@code moto_server} child process per test JVM,
 * launched by {@link dev.limiter.localstack.MotoServer}. moto runs behind one of two Python wrappers
 * ({@link dev.limiter.localstack.MotoEngine}): serialised (requests applied one at a time, the default) or strict
 * (DynamoDB's transaction conflicts, throttling, idempotency and limits on top, controlled through
 * {@link dev.limiter.localstack.StrictControl}).
 *
 * <p>This package depends on no limiter module, so every module can use it in test scope.
 *
 * <p>Nothing in this package is null: no parameter accepts null and no method returns null, unless an
 * {@link java.util.Optional} is returned.
 */
package dev.limiter.localstack;
