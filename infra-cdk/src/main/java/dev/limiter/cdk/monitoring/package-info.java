/**
 * Alarms and the dashboard over the resources of the limiter construct: table throttling, aggregator errors and
 * iterator age, the depth of the aggregator's on-failure queue and provisioner errors.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cdk.monitoring;
