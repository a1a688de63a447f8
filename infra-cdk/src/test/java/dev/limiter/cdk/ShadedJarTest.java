package dev.limiter.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Lambda asset itself, {@code lambdas.jar} as {@code mvn package} shades it: what it leaves out, and that the
 * handler still builds its client and handles an event from the jar alone, in a class loader that sees nothing else.
 */
class ShadedJarTest {

    /** The jar once the SDK's Apache client was left out; it was 18,162,234 bytes with it. */
    private static final long MAX_JAR_BYTES = 16_000_000;

    private static Path jar;

    @BeforeAll
    static void requireJar() {
        jar = TestApps.requireRealJar();
    }

    @Test
    void jar_shaded_holdsNoApacheHttpClientAndStaysSmall() throws IOException {
        try (JarFile entries = new JarFile(jar.toFile())) {
            assertThat(entries.stream().map(entry -> entry.getName()))
                    .noneMatch(name -> name.startsWith("org/apache/hc/") || name.startsWith("org/apache/http/")
                            || name.startsWith("software/amazon/awssdk/http/apache"))
                    .contains("io/netty/channel/Channel.class", "dev/limiter/lambda/logging/LambdaSlf4jProvider.class");
        }
        assertThat(Files.size(jar)).isLessThan(MAX_JAR_BYTES);
    }

    @Test
    void aggregatorHandler_fromTheJarAlone_buildsItsClientAndHandlesAnEvent() throws Exception {
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Object client = asyncClient(isolated);
            Class<?> aggregatorType = isolated.loadClass("dev.limiter.dynamodb.usage.UsageAggregator");
            Object aggregator = aggregatorType.getMethod("create",
                    isolated.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient"), String.class)
                    .invoke(null, client, "limiter-test");
            Class<?> handlerType = isolated.loadClass("dev.limiter.lambda.aggregator.UsageAggregatorHandler");
            Object handler = handlerType.getConstructor(aggregatorType).newInstance(aggregator);
            Class<?> eventType = isolated.loadClass("com.amazonaws.services.lambda.runtime.events.DynamodbEvent");
            Object event = eventType.getConstructor().newInstance();
            eventType.getMethod("setRecords", List.class).invoke(event, List.of());

            Object response = handlerType.getMethod("handleRequest", eventType,
                    isolated.loadClass("com.amazonaws.services.lambda.runtime.Context")).invoke(handler, event, null);

            assertThat(response.getClass().getMethod("getBatchItemFailures").invoke(response))
                    .asList().isEmpty();
            ((AutoCloseable) client).close();
        }
    }

    /** {@code DynamoDbAsyncClient.builder().region(..).credentialsProvider(..).build()}: the HTTP client by SPI. */
    private static Object asyncClient(ClassLoader loader) throws Exception {
        Class<?> region = loader.loadClass("software.amazon.awssdk.regions.Region");
        Class<?> credentials = loader.loadClass("software.amazon.awssdk.auth.credentials.AwsCredentialsProvider");
        Class<?> awsBuilder = loader.loadClass("software.amazon.awssdk.awscore.client.builder.AwsClientBuilder");
        Object builder = loader.loadClass("software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient")
                .getMethod("builder").invoke(null);
        awsBuilder.getMethod("region", region).invoke(builder, region.getMethod("of", String.class)
                .invoke(null, "eu-west-1"));
        Method anonymous = loader.loadClass("software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider")
                .getMethod("create");
        awsBuilder.getMethod("credentialsProvider", credentials).invoke(builder, anonymous.invoke(null));
        return loader.loadClass("software.amazon.awssdk.utils.builder.SdkBuilder").getMethod("build").invoke(builder);
    }
}
