/**
 * IAM for the limiter's table: the action lists ({@link dev.limiter.cdk.iam.PolicyActions}), the managed policies
 * an application attaches ({@link dev.limiter.cdk.iam.LimiterPolicies}: acquire-only, read-only, admin and their
 * namespace-scoped variants) and the statements of the construct's own Lambda roles
 * ({@link dev.limiter.cdk.iam.FunctionPermissions}).
 *
 * <p>Every key of a namespace, index keys included, starts with {@code <namespace>#}, so a condition on
 * {@code dynamodb:LeadingKeys} confines a principal to one namespace.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cdk.iam;
