package dev.limiter.spring;

import dev.limiter.dynamodb.DynamoDbBackend;
import dev.limiter.dynamodb.DynamoDbBackendBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * Builds the DynamoDB backend when {@code dev.limiter:limiter-dynamodb} is on the classpath. A
 * {@link DynamoDbAsyncClient} bean, if the application has one, is used as it is (and stays the application's to
 * close); otherwise the backend builds and owns a client from {@code limiter.dynamodb.*}, signing with an
 * {@link AwsCredentialsProvider} bean if there is one, else the SDK's default chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.limiter.dynamodb.DynamoDbBackend")
class DynamoDbBackendConfiguration {

    @Bean
    BackendFactory dynamoDbBackendFactory(LimiterProperties properties, ObjectProvider<DynamoDbAsyncClient> clients,
                                          ObjectProvider<AwsCredentialsProvider> credentials) {
        return () -> build(properties.getDynamodb(), clients.getIfAvailable(), credentials.getIfAvailable());
    }

    private static DynamoDbBackend build(DynamoDbProperties settings, DynamoDbAsyncClient client,
                                         AwsCredentialsProvider credentials) {
        DynamoDbBackendBuilder builder = DynamoDbBackend.builder().tableName(settings.getTable());
        if (client != null) {
            builder.client(client);
        } else {
            if (settings.getRegion() != null) {
                builder.region(Region.of(settings.getRegion()));
            }
            if (settings.getEndpoint() != null) {
                builder.endpoint(settings.getEndpoint());
            }
            if (credentials != null) {
                builder.credentials(credentials);
            }
            builder.attemptTimeout(settings.getAttemptTimeout()).callTimeout(settings.getCallTimeout());
        }
        DynamoDbBackend backend = builder.build();
        if (settings.isCreateTable()) {
            try {
                backend.createTable();
            } catch (RuntimeException e) {
                backend.close();
                throw e;
            }
        }
        return backend;
    }
}
