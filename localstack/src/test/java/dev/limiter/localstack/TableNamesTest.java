package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void forClass_plainClass_isPrefixedSimpleNameWithRandomSuffix() {
        assertThat(TableNames.forClass(TableNamesTest.class)).matches("limiter-test-TableNamesTest-[0-9a-f]{8}");
    }

    @Test
    void forClass_calledTwice_differs() {
        assertThat(TableNames.forClass(TableNamesTest.class)).isNotEqualTo(TableNames.forClass(TableNamesTest.class));
    }

    @Test
    void forClass_anonymousClass_isAValidTableName() {
        Object anonymous = new Object() { };

        assertThat(TableNames.forClass(anonymous.getClass())).matches("limiter-test-anonymous-[0-9a-f]{8}");
    }

    @Test
    void forClass_veryLongClassName_staysWithinDynamoDbLimit() {
        class AVeryLongLocalClassNameThatGoesOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOn {
        }

        String name = TableNames.forClass(
                AVeryLongLocalClassNameThatGoesOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOnAndOn.class);

        assertThat(name).hasSizeLessThanOrEqualTo(255).matches("[A-Za-z0-9_.-]+");
    }
}
