package dev.limiter.testkit;

import dev.limiter.AcquireRequest;
import dev.limiter.AmountExceedsCapacityException;
import dev.limiter.Decision;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiter;
import dev.limiter.bucket.BucketState;
import dev.limiter.config.ConfigScope;
import dev.limiter.entity.Entity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Hierarchies: an entity with cascade charges every ancestor reached through cascade flags, all or nothing, each
 * ancestor under its own limits. The tree here is acme (org) → search (team) → alice, bob (users) → alice-key.
 */
public abstract class CascadeContract extends BackendContract {

    private static final Limit ORG_RPM = Limit.perMinute("rpm", 5);
    private static final Limit TEAM_RPM = Limit.perMinute("rpm", 8);
    private static final Limit USER_RPM = Limit.perMinute("rpm", 100);
    private static final Limit KEY_RPM = Limit.perMinute("rpm", 1_000);

    private RateLimiter limiter;

    @BeforeEach
    void buildTree() {
        limiter = limiter();
        limiter.entities().put(Entity.root("acme"));
        limiter.entities().put(Entity.child("search", "acme").withCascade(true));
        limiter.entities().put(Entity.child("alice", "search").withCascade(true));
        limiter.entities().put(Entity.child("bob", "search").withCascade(true));
        limiter.entities().put(Entity.child("alice-key", "alice").withCascade(true));
        configure(limiter, ConfigScope.entityDefault("acme"), ORG_RPM);
        configure(limiter, ConfigScope.entityDefault("search"), TEAM_RPM);
        configure(limiter, ConfigScope.entityDefault("alice"), USER_RPM);
        configure(limiter, ConfigScope.entityDefault("bob"), USER_RPM);
        configure(limiter, ConfigScope.entityDefault("alice-key"), KEY_RPM);
    }

    @Test
    void acquire_depthFour_chargesEveryAncestor() {
        Lease lease = limiter.acquire(request("alice-key", "api", "rpm", 2));

        assertThat(lease.statuses()).extracting(LimitStatus::entity)
                .containsExactly("alice-key", "alice", "search", "acme");
        assertThat(available("alice-key", "api", KEY_RPM)).isEqualTo(998);
        assertThat(available("alice", "api", USER_RPM)).isEqualTo(98);
        assertThat(available("search", "api", TEAM_RPM)).isEqualTo(6);
        assertThat(available("acme", "api", ORG_RPM)).isEqualTo(3);
    }

    @Test
    void acquire_rootShort_rejectsAndChargesNoLevel() {
        limiter.acquire(request("bob", "api", "rpm", 4));

        Decision decision = limiter.tryAcquire(request("alice-key", "api", "rpm", 2));

        assertThat(decision).isInstanceOfSatisfying(Decision.Rejected.class, rejected -> {
            assertThat(rejected.violations()).extracting(LimitStatus::entity).containsExactly("acme");
            assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        });
        assertThat(stored("alice-key", "api")).isEqualTo(BucketState.EMPTY);
        assertThat(stored("alice", "api")).isEqualTo(BucketState.EMPTY);
        assertThat(available("search", "api", TEAM_RPM)).isEqualTo(4);
        assertThat(available("acme", "api", ORG_RPM)).isEqualTo(1);
    }

    @Test
    void acquire_siblings_shareAncestorBuckets() {
        limiter.acquire(request("alice", "api", "rpm", 3));
        limiter.acquire(request("bob", "api", "rpm", 2));

        Decision third = limiter.tryAcquire(request("bob", "api", "rpm", 1));

        assertThat(third.isGranted()).isFalse();
        assertThat(available("search", "api", TEAM_RPM)).isEqualTo(3);
    }

    @Test
    void rollback_cascadedLease_refundsEveryLevel() {
        Lease lease = limiter.acquire(request("alice-key", "api", "rpm", 3));

        lease.rollback();

        assertThat(available("alice-key", "api", KEY_RPM)).isEqualTo(1_000);
        assertThat(available("alice", "api", USER_RPM)).isEqualTo(100);
        assertThat(available("search", "api", TEAM_RPM)).isEqualTo(8);
        assertThat(available("acme", "api", ORG_RPM)).isEqualTo(5);
    }

    @Test
    void adjust_cascadedLease_chargesEveryLevelHoldingTheLimit() {
        Lease lease = limiter.acquire(request("alice", "api", "rpm", 1));

        lease.adjust("rpm", 6);
        lease.commit();

        assertThat(available("alice", "api", USER_RPM)).isEqualTo(93);
        assertThat(available("search", "api", TEAM_RPM)).isEqualTo(1);
        assertThat(available("acme", "api", ORG_RPM)).isEqualTo(-2);
    }

    @Test
    void acquire_cascadeFlagOff_stopsTheChain() {
        limiter.entities().put(Entity.child("solo", "search"));
        configure(limiter, ConfigScope.entityDefault("solo"), USER_RPM);

        Lease lease = limiter.acquire(request("solo", "api", "rpm", 7));

        assertThat(lease.statuses()).extracting(LimitStatus::entity).containsExactly("solo");
        assertThat(stored("search", "api")).isEqualTo(BucketState.EMPTY);
    }

    @Test
    void acquire_requestLimits_applyToTheRequestedEntityOnly() {
        limiter.entities().put(Entity.child("carol", "search").withCascade(true));

        Lease lease = limiter.acquire(AcquireRequest.of("carol", "api").consume("rpm", 1)
                .withLimits(Limit.perMinute("rpm", 2)));

        assertThat(lease.statuses()).extracting(LimitStatus::entity, s -> s.limit().capacity())
                .containsExactly(tuple("carol", 2L),
                        tuple("search", 8L),
                        tuple("acme", 5L));
    }

    @Test
    void acquire_ancestorAmountAboveItsCapacity_failsWithoutWriting() {
        assertThatThrownBy(() -> limiter.acquire(request("alice", "api", "rpm", 6)))
                .isInstanceOf(AmountExceedsCapacityException.class).hasMessageContaining("acme");
        assertThat(stored("alice", "api")).isEqualTo(BucketState.EMPTY);
    }

    // ---- hierarchy rules ----

    @Test
    void putEntity_parentIsOwnDescendant_rejectsCycle() {
        assertThatThrownBy(() -> limiter.entities().put(Entity.child("acme", "alice-key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
        assertThat(limiter.entities().get("acme").orElseThrow().parent()).isEmpty();
    }

    @Test
    void putEntity_deeperThanBound_rejects() {
        RateLimiter shallow = limiterBuilder().maxDepth(4).build();

        assertThatThrownBy(() -> shallow.entities().put(Entity.child("alice-key-2", "alice-key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth 5")
                .hasMessageContaining("4 levels");
        assertThat(shallow.entities().get("alice-key-2")).isEmpty();
    }

    @Test
    void putEntity_unknownParent_rejects() {
        assertThatThrownBy(() -> limiter.entities().put(Entity.child("dave", "nobody")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nobody'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void deleteEntity_withChildren_refusesUnlessRecursive() {
        assertThatThrownBy(() -> limiter.entities().delete("search")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("child");

        int deleted = limiter.entities().deleteRecursively("search");

        assertThat(deleted).isEqualTo(4);
        assertThat(limiter.entities().list()).extracting(Entity::id).containsExactly("acme");
    }

    @Test
    void entities_childrenAndAncestors_followParents() {
        assertThat(limiter.entities().children("search")).extracting(Entity::id).containsExactly("alice", "bob");
        assertThat(limiter.entities().ancestors("alice-key")).containsExactly("alice", "search", "acme");
    }
}
