package dev.limiter.benchmarks;

import dev.limiter.Limit;
import dev.limiter.LocalAllowance;
import dev.limiter.RateLimiter;
import dev.limiter.backend.BucketKey;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;

import java.util.List;

/**
 * What the callers of a {@link LocalTierLoadBenchmark} run acquire: one hot key, or a child that cascades into its
 * parent (the parent's limit binds: the child allows twice the rate). Every acquire takes one token of {@code rps}.
 */
enum TierScenario {

    /** Every caller acquires for entity {@code hot}, a root with limit {@code rps}. */
    HOT_KEY("hot-key", "hot", "hot"),

    /** Every caller acquires for {@code team}, which cascades into {@code org}; {@code org}'s {@code rps} binds. */
    CASCADE("cascade", "team", "org");

    /** The resource every acquire names. */
    static final String RESOURCE = "llm";
    /** The limit every acquire takes one token of. */
    static final String LIMIT = "rps";

    private final String label;
    private final String entity;
    private final String binding;

    TierScenario(String label, String entity, String binding) {
        this.label = label;
        this.entity = entity;
        this.binding = binding;
    }

    /** The scenario named {@code label} ({@code hot-key} or {@code cascade}). */
    static TierScenario parse(String label) {
        for (TierScenario scenario : values()) {
            if (scenario.label.equals(label)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("scenario must be 'hot-key' or 'cascade', got '" + label + "'");
    }

    String label() {
        return label;
    }

    /** The entity callers acquire for. */
    String entity() {
        return entity;
    }

    /** The bucket whose limit binds, on which efficiency and the window bound are measured. */
    BucketKey bindingKey(String namespace) {
        return new BucketKey(namespace, binding, RESOURCE);
    }

    /** The binding limit at {@code rate} tokens per second, a capacity of one second's rate. */
    static Limit limit(int rate) {
        return Limit.perSecond(LIMIT, rate);
    }

    /**
     * Stores the scenario's entities and limits in the limiter's namespace, as production configuration is, every
     * limit with {@code allowance}; a limiter without the local tier charges them exactly.
     */
    void configure(RateLimiter setup, int rate, LocalAllowance allowance) {
        if (this == HOT_KEY) {
            setup.entities().put(Entity.root(entity));
            setup.configs().set(ConfigScope.entityDefault(entity), LimitConfig.of(limit(rate).withLocalAllowance(allowance)));
            return;
        }
        setup.entities().put(Entity.root(binding));
        setup.entities().put(Entity.child(entity, binding).withCascade(true));
        setup.configs().set(ConfigScope.entityDefault(binding), LimitConfig.of(limit(rate).withLocalAllowance(allowance)));
        setup.configs().set(ConfigScope.entityDefault(entity), LimitConfig.of(limit(2 * rate).withLocalAllowance(allowance)));
    }

    /** The entities whose configuration a worker loads before the clock starts. */
    List<String> entities() {
        return this == HOT_KEY ? List.of(entity) : List.of(entity, binding);
    }
}
