package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.RateLimiter;
import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.spring.actuate.LimiterActuatorAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB path against the test endpoint (moto_server unless LIMITER_TEST_ENDPOINT names another). */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoDbBackendConfigurationTest {

    private final DynamoDbTestEndpoint endpoint;
    private final ApplicationContextRunner runner;

    DynamoDbBackendConfigurationTest(DynamoDbTestEndpoint endpoint) {
        this.endpoint = endpoint;
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LimiterAutoConfiguration.class,
                        LimiterActuatorAutoConfiguration.class))
                .withBean(AwsCredentialsProvider.class, endpoint::credentials)
                .withPropertyValues("limiter.backend=dynamodb", "limiter.dynamodb.table=" + endpoint.tableName(),
                        "limiter.dynamodb.endpoint=" + endpoint.endpoint(),
                        "limiter.dynamodb.region=" + endpoint.region().id(),
                        "limiter.dynamodb.create-table=true", "limiter.dynamodb.call-timeout=30s",
                        "limiter.dynamodb.attempt-timeout=10s", "limiter.limits.rpm.rate=1");
    }

    private static String namespace() {
        return "spring" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    @Test
    void acquire_twoContextsOnOneTable_shareTheBucket() {
        String namespace = namespace();
        ApplicationContextRunner process = runner.withPropertyValues("limiter.namespace=" + namespace);
        process.run(first -> {
            assertThat(first.getBean(Backend.class)).isInstanceOf(DynamoDbBackend.class);
            assertThat(acquire(first.getBean(RateLimiter.class), first.getBean(LimiterProperties.class)).isGranted())
                    .isTrue();
        });

        process.run(second -> {
            Decision decision = acquire(second.getBean(RateLimiter.class), second.getBean(LimiterProperties.class));
            assertThat(decision).isInstanceOf(Decision.Rejected.class);
        });
    }

    @Test
    void health_tableActive_isUpWithTheTable() {
        runner.run(context -> {
            var health = context.getBean("limiterHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("table", endpoint.tableName())
                    .containsEntry("status", "ACTIVE");
        });
    }

    @Test
    void health_tableMissing_isDown() {
        runner.withPropertyValues("limiter.dynamodb.table=" + endpoint.tableName("missing"),
                "limiter.dynamodb.create-table=false").run(context -> {
                    var health = context.getBean("limiterHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("status", "MISSING");
                });
    }

    @Test
    void health_endpointUnreachable_isDown() {
        runner.withPropertyValues("limiter.dynamodb.endpoint=http://127.0.0.1:9", "limiter.dynamodb.create-table=false",
                "limiter.dynamodb.call-timeout=2s", "limiter.dynamodb.attempt-timeout=1s").run(context -> {
                    var health = context.getBean("limiterHealthIndicator", HealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsKey("error");
                });
    }

    @Test
    void context_applicationClient_isUsedAndLeftOpenOnClose() {
        try (DynamoDbAsyncClient client = endpoint.newAsyncClient()) {
            // Spring itself would close an AutoCloseable bean; turn that off to see what the backend does.
            runner.withBean(DynamoDbAsyncClient.class, () -> client,
                    definition -> ((AbstractBeanDefinition) definition).setDestroyMethodName("")).run(context ->
                    assertThat(((DynamoDbBackend) context.getBean(Backend.class)).client()).isSameAs(client));

            assertThat(client.describeTable(DescribeTableRequest.builder().tableName(endpoint.tableName()).build())
                    .join().table().tableName()).isEqualTo(endpoint.tableName());
        }
    }

    private static Decision acquire(RateLimiter limiter, LimiterProperties properties) {
        return limiter.tryAcquire(AcquireRequest.of("user-1", "chat").consume("rpm", 1)
                .withLimits(properties.requestLimits().toArray(Limit[]::new)));
    }
}
