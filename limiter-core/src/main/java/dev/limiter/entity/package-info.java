/**
 * Entities and their hierarchy: ids, parents, the cascade flag, ancestor chains and the depth bound.
 *
 * <p>An entity with {@code cascade} set charges its parent whenever it is charged; the parent charges its own
 * parent if its flag is set too, and so on. All buckets of such a chain are charged all or nothing.
 *
 * <p>Nothing in this package accepts or returns {@code null} unless a method returns an {@code Optional}.
 */
package dev.limiter.entity;
