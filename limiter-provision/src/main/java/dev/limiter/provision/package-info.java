/**
 * Declarative limits: the limits file (a YAML manifest), its validation, and the plan/apply engine that brings a
 * namespace's stored configuration in line with it, Terraform-style. Shared by the {@code limiter limits} commands
 * and the CloudFormation provisioner Lambda.
 *
 * <p>Flow: {@link dev.limiter.provision.ManifestParser} reads a file into a
 * {@link dev.limiter.provision.LimitsManifest} (errors carry file, line and column);
 * {@link dev.limiter.provision.ManifestLinter} checks it without touching AWS;
 * {@link dev.limiter.provision.LiveState} reads what the table holds;
 * {@link dev.limiter.provision.Planner} compares the two by value; {@link dev.limiter.provision.Applier}
 * performs a plan. Items written by apply carry a marker, so a plan only ever destroys what a limits file created:
 * items the file never managed are left alone.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.provision;
