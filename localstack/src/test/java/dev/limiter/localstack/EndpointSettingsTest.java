package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class EndpointSettingsTest {

    private static EndpointSettings settings(Map<String, String> environment, Map<String, String> parameters) {
        return new EndpointSettings(environment, name -> Optional.ofNullable(parameters.get(name)));
    }

    @Test
    void externalEndpoint_nothingSet_isEmpty() {
        assertThat(settings(Map.of(), Map.of()).externalEndpoint()).isEmpty();
    }

    @Test
    void externalEndpoint_variableSet_isThatUri() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_ENDPOINT", "http://localhost:4566"), Map.of());

        assertThat(settings.externalEndpoint()).contains(URI.create("http://localhost:4566"));
    }

    @Test
    void externalEndpoint_propertyAndVariableSet_propertyWins() {
        EndpointSettings settings = settings(
                Map.of("LIMITER_TEST_ENDPOINT", "http://localhost:4566"),
                Map.of("limiter.test.endpoint", "http://127.0.0.1:9000"));

        assertThat(settings.externalEndpoint()).contains(URI.create("http://127.0.0.1:9000"));
    }

    @Test
    void externalEndpoint_blankVariable_isEmpty() {
        assertThat(settings(Map.of("LIMITER_TEST_ENDPOINT", "  "), Map.of()).externalEndpoint()).isEmpty();
    }

    @Test
    void externalEndpoint_notHttp_failsNamingTheVariable() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_ENDPOINT", "localhost:4566"), Map.of());

        assertThatThrownBy(settings::externalEndpoint)
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("LIMITER_TEST_ENDPOINT must be an absolute http(s) URI");
    }

    @Test
    void region_nothingSet_isUsEast1() {
        assertThat(settings(Map.of(), Map.of()).region()).isEqualTo(Region.US_EAST_1);
    }

    @Test
    void region_awsRegionOnly_isAwsRegion() {
        assertThat(settings(Map.of("AWS_REGION", "eu-west-1"), Map.of()).region()).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void region_limiterRegionAndAwsRegion_limiterRegionWins() {
        EndpointSettings settings = settings(
                Map.of("AWS_REGION", "eu-west-1", "LIMITER_TEST_REGION", "ap-south-1"), Map.of());

        assertThat(settings.region()).isEqualTo(Region.AP_SOUTH_1);
    }

    @Test
    void externalCredentials_flagUnset_areFakeTestCredentials() {
        assertThat(settings(Map.of(), Map.of()).externalCredentials().resolveCredentials())
                .isEqualTo(AwsBasicCredentials.create("test", "test"));
    }

    @Test
    void externalCredentials_flagTrue_areTheDefaultChain() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_USE_DEFAULT_CREDENTIALS", "true"), Map.of());

        assertThat(settings.externalCredentials()).isInstanceOf(DefaultCredentialsProvider.class);
    }

    @Test
    void localStackRequested_propertyTrue_isTrue() {
        assertThat(settings(Map.of(), Map.of("limiter.test.localstack", "true")).localStackRequested()).isTrue();
    }

    @Test
    void localStackRequested_unset_isFalse() {
        assertThat(settings(Map.of(), Map.of()).localStackRequested()).isFalse();
    }

    @Test
    void motoExecutable_unset_isMotoServer() {
        assertThat(settings(Map.of(), Map.of()).motoExecutable()).isEqualTo("moto_server");
    }

    @Test
    void motoExecutable_variableSet_isThatExecutable() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_MOTO_SERVER", "/opt/venv/bin/moto_server"), Map.of());

        assertThat(settings.motoExecutable()).isEqualTo("/opt/venv/bin/moto_server");
    }

    @Test
    void motoEngine_unset_isSerialized() {
        assertThat(settings(Map.of(), Map.of()).motoEngine()).isEqualTo(MotoEngine.SERIALIZED);
    }

    @Test
    void motoEngine_propertyAndVariableSet_propertyWins() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_ENGINE", "serialized"),
                Map.of("limiter.test.engine", "strict"));

        assertThat(settings.motoEngine()).isEqualTo(MotoEngine.STRICT);
    }

    @Test
    void motoEngine_unknownValue_failsNamingTheSetting() {
        EndpointSettings settings = settings(Map.of("LIMITER_TEST_ENGINE", "fast"), Map.of());

        assertThatThrownBy(settings::motoEngine)
                .isInstanceOf(LocalEndpointException.class)
                .hasMessageContaining("limiter.test.engine (LIMITER_TEST_ENGINE) must be 'serialized' or 'strict'");
    }
}
