/**
 * {@code limiter limits validate | plan | apply | diff | export}: declarative limits, Terraform-style, on the
 * plan/apply engine of {@link dev.limiter.provision}. Commands read the file, call the engine and render
 * its {@code Plan}: {@code PlanView} in Terraform's block format, {@code PlanDocument} as JSON.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.limits;
