/**
 * Development tables: create (with the production schema, stream and TTL, then wait until active), describe and
 * delete. Never called from the hot path; production tables come from the CDK app.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.dynamodb.table;
