package dev.limiter.entity;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTest {

    // ---- construction ----

    @Test
    void root_id_hasNoParentNoCascadeNoDisplayNameNoMetadata() {
        Entity org = Entity.root("acme");

        assertThat(org.id()).isEqualTo("acme");
        assertThat(org.parent()).isEmpty();
        assertThat(org.cascade()).isFalse();
        assertThat(org.displayName()).isEmpty();
        assertThat(org.metadata()).isEmpty();
    }

    @Test
    void child_withoutCascade_doesNotCascadeUntilAsked() {
        Entity team = Entity.child("acme-search", "acme");

        assertThat(team.parent()).contains("acme");
        assertThat(team.cascade()).isFalse();
        assertThat(team.withCascade(true).cascade()).isTrue();
    }

    @Test
    void root_idWithDelimiter_isRejectedNamingFieldAndRule() {
        assertThatThrownBy(() -> Entity.root("acme#1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity id 'acme#1' is invalid: must match [A-Za-z0-9][A-Za-z0-9_.:@-]* and be 1 to 256"
                        + " characters long");
    }

    @Test
    void root_idOfAllowedPunctuation_isAccepted() {
        Entity key = Entity.root("9user.name_1:key@org-x");

        assertThat(key.id()).isEqualTo("9user.name_1:key@org-x");
    }

    @Test
    void withParent_ownId_isRejected() {
        Entity team = Entity.child("team", "org");

        assertThatThrownBy(() -> team.withParent("team")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity 'team' cannot be its own parent");
    }

    @Test
    void withParent_otherParent_keepsEverythingElse() {
        Entity team = Entity.child("team", "org").withCascade(true).withDisplayName("Team")
                .withMetadata(Map.of("tier", "gold"));

        Entity moved = team.withParent("other-org");

        assertThat(moved.parent()).contains("other-org");
        assertThat(moved.cascade()).isTrue();
        assertThat(moved.displayName()).contains("Team");
        assertThat(moved.metadata()).containsEntry("tier", "gold");
    }

    // ---- display name and metadata ----

    @Test
    void withDisplayName_atLimit_isAcceptedAndOneMoreRejected() {
        Entity user = Entity.root("u1");

        assertThat(user.withDisplayName("x".repeat(256)).displayName()).hasValue("x".repeat(256));
        assertThatThrownBy(() -> user.withDisplayName("x".repeat(257))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("display name of entity 'u1' is longer than 256 characters");
    }

    @Test
    void withMetadata_thirtyThreeEntries_isRejectedCountingThem() {
        Map<String, String> metadata = new HashMap<>();
        for (int i = 0; i < 33; i++) {
            metadata.put("k" + i, "v");
        }

        assertThatThrownBy(() -> Entity.root("u1").withMetadata(metadata)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entity 'u1' has 33 metadata entries: at most 32");
    }

    @Test
    void withMetadata_invalidKey_isRejectedNamingTheEntity() {
        assertThatThrownBy(() -> Entity.root("u1").withMetadata(Map.of("bad key", "v")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metadata key of entity 'u1' 'bad key' is invalid");
    }

    @Test
    void withMetadata_valueTooLong_isRejectedNamingTheKey() {
        assertThatThrownBy(() -> Entity.root("u1").withMetadata(Map.of("note", "x".repeat(1_025))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata 'note' of entity 'u1' is longer than 1024 characters");
    }

    @Test
    void withMetadata_mutableMap_isCopiedAndSortedByKey() {
        Map<String, String> metadata = new HashMap<>(Map.of("zone", "eu", "tier", "gold", "plan", "pro"));
        Entity user = Entity.root("u1").withMetadata(metadata);

        metadata.put("extra", "x");

        assertThat(user.metadata()).containsOnlyKeys("plan", "tier", "zone");
        assertThat(user.metadata().keySet()).containsExactly("plan", "tier", "zone");
        assertThatThrownBy(() -> user.metadata().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- value semantics ----

    @Test
    void equals_sameComponents_isEqualWithSameHashCode() {
        Entity a = Entity.child("team", "org").withCascade(true).withMetadata(Map.of("tier", "gold"));
        Entity b = Entity.child("team", "org").withCascade(true).withMetadata(Map.of("tier", "gold"));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(b.withCascade(false));
        assertThat(a).isNotEqualTo(b.withDisplayName("Team"));
    }

    @Test
    void toString_child_showsIdParentAndCascade() {
        assertThat(Entity.child("team", "org").withCascade(true)).hasToString("Entity[team parent=org cascade]");
        assertThat(Entity.root("org")).hasToString("Entity[org]");
    }
}
