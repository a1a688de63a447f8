/**
 * {@code limiter entity create | get | list | children | delete}: the entities of a namespace, through
 * {@link dev.limiter.entity.Entities}, which enforces the hierarchy rules.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.cli.entities;
