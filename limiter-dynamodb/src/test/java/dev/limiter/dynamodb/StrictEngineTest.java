package dev.limiter.dynamodb;

import dev.limiter.localstack.StrictControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/**
 * The life cycle shared by tests on a {@link StrictEngine} of their class's own: the engine and its table start with
 * the test instance, every test starts from reset settings (no holds, no throttling, no injected failures), and the
 * engine stops after the last test. {@link #client} reaches the engine directly, logged, with quick SDK retries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StrictEngineTest {

    /** The class's engine, with its table created. */
    protected final StrictEngine engine = StrictEngine.start(getClass());
    /** The engine's control API. */
    protected final StrictControl control = engine.control();
    /** A client straight to the engine. */
    protected final DynamoDbAsyncClient client = engine.client(engine.endpoint());

    @BeforeEach
    final void resetEngine() {
        control.reset(engine.table());
    }

    @AfterAll
    final void stopEngine() {
        client.close();
        engine.close();
    }
}
