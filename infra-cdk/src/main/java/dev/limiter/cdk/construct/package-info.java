/**
 * The reusable construct: {@link dev.limiter.cdk.construct.LimiterConstruct} creates the limiter's table, the usage
 * aggregator on the table's stream (with its on-failure queue), the limits provisioner and its optional custom
 * resource, and wires in the alarms, the dashboard and the managed policies of the sibling packages. Its settings
 * are the immutable {@link dev.limiter.cdk.construct.LimiterConstructProps}.
 *
 * <p>The table mirrors {@code dev.limiter.dynamodb.schema.TableSchema}: on-demand, string {@code pk}/{@code sk},
 * the sparse index {@code gsi1} over {@code g1pk}/{@code g1sk} projecting all attributes, a stream with new and
 * old images and TTL on {@code ttl}; the construct adds point-in-time recovery and optional deletion protection.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cdk.construct;
