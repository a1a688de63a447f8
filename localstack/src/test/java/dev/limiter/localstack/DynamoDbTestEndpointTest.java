package dev.limiter.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithDynamoDb
class DynamoDbTestEndpointTest {

    @Test
    void newAsyncClient_withInterceptor_seesEveryRequest(DynamoDbTestEndpoint endpoint) throws Exception {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbAsyncClient client = endpoint.newAsyncClient(recorder)) {

            client.listTables().get(30, TimeUnit.SECONDS);
            client.listTables().get(30, TimeUnit.SECONDS);
        }

        assertThat(recorder.operations).containsExactly("ListTables", "ListTables");
    }

    @Test
    void newSyncClient_withInterceptor_seesEveryRequest(DynamoDbTestEndpoint endpoint) {
        OperationRecorder recorder = new OperationRecorder();
        try (DynamoDbClient client = endpoint.newSyncClient(recorder)) {

            client.listTables();
        }

        assertThat(recorder.operations).containsExactly("ListTables");
    }

    @Test
    void tableName_withSuffix_extendsTheClassTableName(DynamoDbTestEndpoint endpoint) {
        assertThat(endpoint.tableName("second")).isEqualTo(endpoint.tableName() + "-second");
    }

    @Test
    void new_invalidTableName_failsNamingTheRule() {
        assertThatThrownBy(() -> new DynamoDbTestEndpoint(URI.create("http://127.0.0.1:1"), Region.US_EAST_1,
                DynamoDbTestEndpoint.fakeCredentials(), "no spaces", EndpointKind.EXTERNAL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tableName must match [A-Za-z0-9_.-]{3,255}, was 'no spaces'");
    }

    /** Records the operation name of every request, as the other modules count SDK calls. */
    private static final class OperationRecorder implements ExecutionInterceptor {

        private final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
