package dev.limiter.cli.demo;

import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.entity.Entity;
import dev.limiter.memory.InMemoryBackend;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationTest {

    private final Organisation acme = Organisation.acme(4);

    @Test
    void acme_everyParentIsTighterThanTheSumOfItsChildren() {
        for (Organisation.Member parent : List.of(acme.member("acme"), acme.member("search"), acme.member("ads"))) {
            for (String name : List.of("rpm", "tpm")) {
                long childRates = acme.members().stream()
                        .filter(child -> child.parent().filter(parent.id()::equals).isPresent())
                        .mapToLong(child -> limit(child, name).refillAmount()).sum();
                assertThat(limit(parent, name).refillAmount()).as("%s %s", parent.id(), name).isLessThan(childRates);
            }
        }
    }

    @Test
    void install_storesEntitiesThatCascadeToTheOrg() {
        RateLimiter limiter = RateLimiter.builder().backend(InMemoryBackend.create()).build();

        acme.install(limiter);

        assertThat(limiter.entities().list()).hasSize(1 + 2 + 8);
        Entity alice = limiter.entities().get("alice").orElseThrow();
        assertThat(alice.cascade()).isTrue();
        assertThat(limiter.entities().ancestors("alice")).containsExactly("search", "acme");
        assertThat(limiter.explain("alice", "gpt-4o").buckets()).hasSize(3);
    }

    @Test
    void users_areTheLeavesWithTheFirstOfEachTeamHeaviest() {
        assertThat(acme.users()).hasSize(8);
        assertThat(acme.users().get(0).id()).isEqualTo("alice");
        assertThat(acme.users().get(0).weight()).isGreaterThan(acme.users().get(3).weight());
    }

    private static Limit limit(Organisation.Member member, String name) {
        return member.limits().limits().stream().filter(limit -> limit.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
