/**
 * The limits provisioner: a CloudFormation custom resource that applies a limits file with the same plan/apply engine
 * as {@code limiter limits apply} ({@link dev.limiter.provision.LimitsProvisioning}). Create and Update
 * apply the manifest; Delete removes what the manifest's applies created, and nothing else.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.lambda.provisioner;
