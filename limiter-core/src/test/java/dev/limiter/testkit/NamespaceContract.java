package dev.limiter.testkit;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Namespaces isolate tenants: buckets, configurations and entities of one are invisible to another. */
public abstract class NamespaceContract extends BackendContract {

    private static final Limit RPM = Limit.perMinute("rpm", 10);

    @Test
    void acquire_sameEntityInTwoNamespaces_usesSeparateBuckets() {
        RateLimiter tenantA = limiterBuilder().namespace(namespace + "-a").build();
        RateLimiter tenantB = limiterBuilder().namespace(namespace + "-b").build();
        tenantA.acquire(request("u1", "api", "rpm", 10).withLimits(RPM));

        boolean grantedInB = tenantB.tryAcquire(request("u1", "api", "rpm", 10).withLimits(RPM)).isGranted();

        assertThat(grantedInB).isTrue();
    }

    @Test
    void configs_setInOneNamespace_areInvisibleInAnother() {
        RateLimiter tenantA = limiterBuilder().namespace(namespace + "-a").build();
        RateLimiter tenantB = limiterBuilder().namespace(namespace + "-b").build();

        configure(tenantA, ConfigScope.namespace(), RPM);

        assertThat(tenantA.configs().list()).hasSize(1);
        assertThat(tenantB.configs().list()).isEmpty();
        assertThat(tenantB.explain("u1", "api").buckets().get(0).limits()).isEmpty();
    }

    @Test
    void entities_createdInOneNamespace_areInvisibleInAnother() {
        RateLimiter tenantA = limiterBuilder().namespace(namespace + "-a").build();
        RateLimiter tenantB = limiterBuilder().namespace(namespace + "-b").build();

        tenantA.entities().put(Entity.root("acme"));

        assertThat(tenantA.entities().get("acme")).isPresent();
        assertThat(tenantB.entities().get("acme")).isEmpty();
        assertThat(tenantB.entities().list()).isEmpty();
    }
}
