/**
 * {@code limiter table create | describe | delete}: development tables through
 * {@link dev.limiter.dynamodb.table.LimiterTable}. Production tables come from the CDK app.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.table;
