package dev.limiter.dynamodb;

import dev.limiter.dynamodb.testkit.FaultPath;
import dev.limiter.dynamodb.testkit.FaultProxy;
import dev.limiter.dynamodb.testkit.RequestLog;
import dev.limiter.dynamodb.testkit.TestTable;
import dev.limiter.localstack.WithDynamoDb;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The life cycle shared by tests that inject faults through a {@link FaultPath}: the path is set up once per class
 * (its table outside the faults), and every test starts disarmed, on a fresh manual clock and namespace.
 */
@WithDynamoDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultPathTest {

    /** The class's fault path. */
    protected final FaultPath path;
    /** The path's proxy. */
    protected final FaultProxy faults;
    /** The attempts of {@link #client}. */
    protected final RequestLog log;
    /** The client through the faults. */
    protected final DynamoDbAsyncClient client;
    /** Each test's clock. */
    protected ManualClock clock;
    /** Each test's namespace. */
    protected String namespace;
    private final String namespacePrefix;

    /** A test on {@code path}, whose namespaces start with {@code namespacePrefix}. */
    protected FaultPathTest(FaultPath path, String namespacePrefix) {
        this.path = path;
        this.faults = path.faults();
        this.log = path.log();
        this.client = path.client();
        this.namespacePrefix = namespacePrefix;
    }

    @BeforeEach
    final void disarmAndRenew() {
        faults.disarm();
        clock = ManualClock.create();
        namespace = TestTable.uniqueNamespace(namespacePrefix);
    }

    @AfterAll
    final void closePath() {
        path.close();
    }
}
