package dev.limiter.entity;

import dev.limiter.memory.InMemoryBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hierarchy rules of {@link Entities} not covered by the cascade contract. */
class EntitiesTest {

    private final AtomicInteger changes = new AtomicInteger();
    private final Entities entities = new Entities(InMemoryBackend.create().entities(), "ns", 4, changes::incrementAndGet);

    @BeforeEach
    void buildChain() {
        // org <- team <- user: three levels of a bound of four.
        entities.put(Entity.root("org"));
        entities.put(Entity.child("team", "org"));
        entities.put(Entity.child("user", "team"));
        changes.set(0);
    }

    @Test
    void put_subtreeMovedWhereItsDescendantsWouldBeTooDeep_isRejectedCountingThem() {
        entities.put(Entity.root("other"));
        entities.put(Entity.child("other-child", "other"));
        entities.put(Entity.child("bot", "user"));

        // team has two levels below it (user, bot): under other-child it would sit at depth 3 and bot at depth 5.

        assertThatThrownBy(() -> entities.put(Entity.child("team", "other-child")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity 'team' would be at depth 3 with 2 level(s) of descendants: hierarchies are limited"
                        + " to 4 levels");
        assertThat(entities.get("team").orElseThrow().parent()).contains("org");
    }

    @Test
    void put_leafAtTheBound_isAccepted() {
        entities.put(Entity.child("bot", "user"));

        assertThat(entities.ancestors("bot")).containsExactly("user", "team", "org");
    }

    @Test
    void put_underOwnDescendant_isRejectedShowingTheCycle() {
        assertThatThrownBy(() -> entities.put(Entity.child("org", "user"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parent 'user' of entity 'org' would create a cycle: org -> user -> team -> org");
    }

    @Test
    void put_successfulWrite_notifiesChange() {
        entities.put(Entity.root("another"));

        assertThat(changes).hasValue(1);
    }

    @Test
    void put_rejectedWrite_doesNotNotifyChange() {
        assertThatThrownBy(() -> entities.put(Entity.child("x", "nobody"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parent 'nobody' of entity 'x' does not exist in namespace 'ns'");

        assertThat(changes).hasValue(0);
    }

    @Test
    void ancestors_rootOrUnknownEntity_isEmpty() {
        assertThat(entities.ancestors("org")).isEmpty();
        assertThat(entities.ancestors("nobody")).isEmpty();
    }

    @Test
    void deleteRecursively_chain_deletesLeavesFirstAndCountsThem() {
        int deleted = entities.deleteRecursively("org");

        assertThat(deleted).isEqualTo(3);
        assertThat(entities.list()).isEmpty();
    }

    @Test
    void delete_unknownEntity_returnsFalse() {
        assertThat(entities.delete("nobody")).isFalse();
    }
}
