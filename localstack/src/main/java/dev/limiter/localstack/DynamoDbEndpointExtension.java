package dev.limiter.localstack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that injects a {@link DynamoDbTestEndpoint} into test constructors, {@code @BeforeAll},
 * {@code @BeforeEach} and test methods. Register it with {@code @ExtendWith(DynamoDbEndpointExtension.class)}
 * or {@link WithDynamoDb}.
 *
 * <p>Settings are read from JUnit configuration parameters (system properties, {@code junit-platform.properties}
 * or the launcher's parameters), then from environment variables. The endpoint is chosen once per test JVM, on
 * first use:
 * <ol>
 *   <li>{@value #ENDPOINT_PROPERTY} or {@value #ENDPOINT_VARIABLE}, if set: that endpoint
 *       ({@link EndpointKind#EXTERNAL}), in region {@value #REGION_PROPERTY}, {@value #REGION_VARIABLE},
 *       {@code AWS_REGION} or us-east-1, with fake {@code test}/{@code test} credentials unless
 *       {@value #DEFAULT_CREDENTIALS_VARIABLE}{@code =true} selects the SDK's default chain;</li>
 *   <li>else, if {@code -D}{@value #LOCALSTACK_PROPERTY}{@code =true} and Docker is available, LocalStack
 *       through Testcontainers ({@link EndpointKind#LOCALSTACK});</li>
 *   <li>else one {@code moto_server} child process ({@link EndpointKind#MOTO}). If it is missing, resolution
 *       fails with a message saying how to install it: tests are never skipped silently. {@value #MOTO_SERVER_PROPERTY}
 *       or {@value #MOTO_SERVER_VARIABLE} names another executable. {@value MotoEngine#PROPERTY} or
 *       {@value MotoEngine#VARIABLE} selects the engine: {@code serialized} (default) or {@code strict}
 *       ({@link EndpointKind#MOTO_STRICT}, controlled through {@link DynamoDbTestEndpoint#strict()}). Without
 *       python3 importing moto it fails with a message saying how to install it, rather than fall back to plain
 *       moto, which over-admits.</li>
 * </ol>
 * The server or container is kept in JUnit's root store and stopped when the test run ends; a JVM shutdown
 * hook stops a moto_server that is left over.
 *
 * <p>Each top-level test class gets its own {@link DynamoDbTestEndpoint#tableName()}, the same for all its
 * methods and nested classes. The extension only names the table; the test creates it.
 *
 * <p>Thread-safety: safe under parallel test execution; JUnit's store creates each value once.
 */
public final class DynamoDbEndpointExtension implements ParameterResolver {

    /** The environment variable naming an external endpoint, for example {@code http://localhost:4566}. */
    public static final String ENDPOINT_VARIABLE = "LIMITER_TEST_ENDPOINT";

    /** The system property naming an external endpoint; it wins over {@value #ENDPOINT_VARIABLE}. */
    public static final String ENDPOINT_PROPERTY = "limiter.test.endpoint";

    /** The environment variable naming the region of an endpoint. */
    public static final String REGION_VARIABLE = "LIMITER_TEST_REGION";

    /** The system property naming the region of an endpoint; it wins over {@value #REGION_VARIABLE}. */
    public static final String REGION_PROPERTY = "limiter.test.region";

    /** The system property that selects LocalStack through Testcontainers when Docker is available. */
    public static final String LOCALSTACK_PROPERTY = "limiter.test.localstack";

    /** The environment variable that selects the SDK's default credentials for an external endpoint. */
    public static final String DEFAULT_CREDENTIALS_VARIABLE = "LIMITER_TEST_USE_DEFAULT_CREDENTIALS";

    /** The system property equivalent of {@value #DEFAULT_CREDENTIALS_VARIABLE}; it wins over the variable. */
    public static final String DEFAULT_CREDENTIALS_PROPERTY = "limiter.test.useDefaultCredentials";

    /** The environment variable naming the moto_server executable (a name on {@code PATH} or a path). */
    public static final String MOTO_SERVER_VARIABLE = "LIMITER_TEST_MOTO_SERVER";

    /** The system property equivalent of {@value #MOTO_SERVER_VARIABLE}; it wins over the variable. */
    public static final String MOTO_SERVER_PROPERTY = "limiter.test.motoServer";

    /** The prefix of every table name the extension hands out. */
    public static final String TABLE_PREFIX = "limiter-test-";

    private static final Namespace NAMESPACE = Namespace.create(DynamoDbEndpointExtension.class);
    private static final String TABLE_NAME_KEY = "tableName";

    /** Creates the extension; JUnit calls this. */
    public DynamoDbEndpointExtension() {
        // Stateless: all state lives in JUnit's stores.
    }

    /** Returns true for parameters of type {@link DynamoDbTestEndpoint}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == DynamoDbTestEndpoint.class;
    }

    /**
     * Returns the endpoint, starting it on first use, with the table name of the current test class.
     *
     * @throws LocalEndpointException if no endpoint is named and moto_server cannot start
     */
    @Override
    public DynamoDbTestEndpoint resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        SharedEndpoint shared = extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                SharedEndpoint.class, key -> SharedEndpoint.open(settings(extensionContext)),
                SharedEndpoint.class);
        ExtensionContext classContext = outermostClassContext(extensionContext);
        String tableName = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                TABLE_NAME_KEY, key -> TableNames.forClass(classContext.getRequiredTestClass()), String.class);
        return shared.forTable(tableName);
    }

    private static EndpointSettings settings(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return new EndpointSettings(System.getenv(), root::getConfigurationParameter);
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }
}
