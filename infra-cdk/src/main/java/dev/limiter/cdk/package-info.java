/**
 * The CDK application: {@link dev.limiter.cdk.LimiterApp} reads the context ({@code stage}, {@code tableName},
 * {@code limitsFile}, {@code alarmTopicArn}, {@code namespaces}, {@code deletionProtection}, ...), builds one
 * {@link dev.limiter.cdk.LimiterStack} around the reusable {@link dev.limiter.cdk.construct.LimiterConstruct},
 * adds the stack outputs and runs the cdk-nag AwsSolutions checks.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cdk;
