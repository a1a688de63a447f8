package dev.limiter.cli.demo;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.entity.Entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The simulated customer: org {@code acme} with teams {@code search} and {@code ads}, each with a few users. Users
 * and teams cascade, so a user's call also charges its team and the org. Each level's limits are tighter than the
 * sum of its children's, so rejections happen at every level; {@code ads} is smaller than {@code search}, and the
 * first users of each team send the most calls.
 *
 * @param members the org, then each team followed by its users
 */
public record Organisation(List<Member> members) {

    private static final List<String> NAMES = List.of(
            "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "ken", "lena",
            "mallory", "nina", "oscar", "peggy", "quinn", "rupert", "sybil", "trent", "uma", "victor", "wendy",
            "xavier");

    /** Copies the list. */
    public Organisation {
        members = List.copyOf(members);
    }

    /** The standard organisation with {@code usersPerTeam} users in each of its two teams. */
    public static Organisation acme(int usersPerTeam) {
        if (usersPerTeam < 1 || usersPerTeam > DemoSettings.MAX_USERS_PER_TEAM) {
            throw new IllegalArgumentException("users per team must be between 1 and "
                    + DemoSettings.MAX_USERS_PER_TEAM + ", got " + usersPerTeam);
        }
        List<Member> members = new ArrayList<>();
        members.add(new Member(List.of("acme"), limits(900, 40, 720_000, 36_000), 0));
        addTeam(members, "search", limits(600, 30, 480_000, 24_000), NAMES.subList(0, usersPerTeam));
        addTeam(members, "ads", limits(420, 20, 300_000, 15_000), NAMES.subList(12, 12 + usersPerTeam));
        return new Organisation(members);
    }

    /** The members that send calls (the leaves), in order. */
    public List<Member> users() {
        List<Member> users = new ArrayList<>();
        for (Member member : members) {
            if (member.weight() > 0) {
                users.add(member);
            }
        }
        return users;
    }

    /**
     * The member {@code id}.
     *
     * @throws NoSuchElementException if there is none
     */
    public Member member(String id) {
        for (Member member : members) {
            if (member.id().equals(id)) {
                return member;
            }
        }
        throw new NoSuchElementException("no member '" + id + "' in the organisation");
    }

    /** Stores every member (parents first, children cascading) and its limits at the entity-default level. */
    public void install(RateLimiter limiter) {
        for (Member member : members) {
            Entity entity = member.parent()
                    .map(parent -> Entity.child(member.id(), parent).withCascade(true))
                    .orElseGet(() -> Entity.root(member.id()));
            limiter.entities().put(entity);
            limiter.configs().set(ConfigScope.entityDefault(member.id()), member.limits());
        }
    }

    private static void addTeam(List<Member> members, String team, LimitConfig teamLimits, List<String> users) {
        members.add(new Member(List.of(team, "acme"), teamLimits, 0));
        for (int i = 0; i < users.size(); i++) {
            int weight = users.size() - i;
            members.add(new Member(List.of(users.get(i), team, "acme"), limits(180, 10, 180_000, 9_000), weight));
        }
    }

    /** {@code rpm} and {@code tpm} per minute, each with a capacity (burst) smaller than a minute's refill. */
    private static LimitConfig limits(long rpm, long rpmBurst, long tpm, long tpmBurst) {
        return LimitConfig.of(Limit.of("rpm", rpmBurst, rpm, Duration.ofMinutes(1)),
                Limit.of("tpm", tpmBurst, tpm, Duration.ofMinutes(1)));
    }

    /**
     * One entity of the organisation.
     *
     * @param chain  the entity's id, then its ancestors' up to the org: every entity a call for it charges
     * @param limits its limits, stored as its entity defaults
     * @param weight how often it is picked for a call, relative to other users; 0 for the org and teams
     */
    public record Member(List<String> chain, LimitConfig limits, int weight) {

        /** Copies the chain and requires at least the entity's own id. */
        public Member {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a member's chain needs at least its own id");
            }
        }

        /** The entity's id. */
        public String id() {
            return chain.get(0);
        }

        /** The parent's id, unless this is the org. */
        public Optional<String> parent() {
            return chain.size() > 1 ? Optional.of(chain.get(1)) : Optional.empty();
        }

        /** How deep the entity sits: 0 for the org. */
        public int depth() {
            return chain.size() - 1;
        }
    }
}
