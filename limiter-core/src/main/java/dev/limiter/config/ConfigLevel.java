package dev.limiter.config;

/** The levels a limit can be configured at, from the most specific to the least. */
public enum ConfigLevel {
    /** Limits of one entity for one resource. */
    ENTITY_RESOURCE,
    /** Limits of one entity for every resource without an entity+resource limit. */
    ENTITY_DEFAULT,
    /** Limits of one resource for every entity. */
    RESOURCE,
    /** Defaults of the whole namespace. */
    NAMESPACE,
    /** Limits passed with the request ({@link dev.limiter.AcquireRequest#withLimits}). */
    REQUEST
}
