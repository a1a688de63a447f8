package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MotoEngineTest {

    @Test
    void parse_strictInAnyCaseWithBlanks_isStrict() {
        assertThat(MotoEngine.parse(" Strict ")).isEqualTo(MotoEngine.STRICT);
    }

    @Test
    void parse_serialized_isSerialized() {
        assertThat(MotoEngine.parse("serialized")).isEqualTo(MotoEngine.SERIALIZED);
    }

    @Test
    void parse_unknownValue_failsNamingTheSettingAndTheChoices() {
        assertThatThrownBy(() -> MotoEngine.parse("plain"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limiter.test.engine (LIMITER_TEST_ENGINE) must be 'serialized' or 'strict', was 'plain'");
    }

    @Test
    void kind_strict_isMotoStrict() {
        assertThat(MotoEngine.STRICT.kind()).isEqualTo(EndpointKind.MOTO_STRICT);
        assertThat(MotoEngine.SERIALIZED.kind()).isEqualTo(EndpointKind.MOTO);
    }
}
