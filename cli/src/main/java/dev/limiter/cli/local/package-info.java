/**
 * {@code limiter local up | down | status | env}: a local DynamoDB for trying limiter, moto_server or LocalStack,
 * started detached through the localstack module and recorded in {@code HOME/local.properties} so that later
 * commands find and stop exactly that process.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.local;
