package dev.limiter.dynamodb;

import dev.limiter.AcquireRequest;
import dev.limiter.Lease;
import dev.limiter.Limit;
import dev.limiter.OnUnavailable;
import dev.limiter.RateLimiter;
import dev.limiter.RateLimiterUnavailableException;
import dev.limiter.backend.BucketKey;
import dev.limiter.bucket.LimitState;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.internal.Futures;
import dev.limiter.localstack.DynamoDbTestEndpoint;
import dev.limiter.localstack.MotoServer;
import dev.limiter.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endpoint dies mid-run (a moto server of this test's own is stopped) and comes back on the same port, empty,
 * as a restored table would: BLOCK throws, ALLOW degrades, and once the table is back the same limiters recover
 * without any stale state from before the outage. The table is created through a client with the endpoint's
 * generous timeouts, because a freshly started server's first {@code CreateTable} can take seconds; the limiters'
 * client allows 2 s per attempt (it used to allow 500 ms, which the first write to the restarted, cold server could
 * outlive on a loaded machine; a stopped server refuses connections at once, so the timeout costs nothing there)
 * (issue 9, item 10).
 */
class EndpointRestartTest {

    private static final Limit RPM = Limit.perMinute("rpm", 100);

    @Test
    void acquire_endpointStoppedThenRestarted_failsPerPolicyThenRecovers() {
        ManualClock clock = ManualClock.create();
        MotoServer moto = MotoServer.start();
        int port = moto.port();
        try (DynamoDbAsyncClient client = client(moto)) {
            DynamoDbBackend backend = DynamoDbBackend.builder().client(client).tableName("restart").build();
            try (DynamoDbBackend fixture = fixture(moto)) {
                fixture.createTable();
                RateLimiter.builder().backend(fixture).build().configs().set(ConfigScope.namespace(),
                        LimitConfig.of(RPM));
            }
            RateLimiter blocking = RateLimiter.builder().backend(backend).clock(clock).build();
            RateLimiter allowing = blocking.withOnUnavailable(OnUnavailable.ALLOW);
            blocking.acquire(request(30)).commit();

            moto.stop();
            assertThatThrownBy(() -> blocking.acquire(request(1))).isInstanceOf(RateLimiterUnavailableException.class);
            Lease degraded = allowing.acquire(request(1));
            moto = MotoServer.start(port);
            try (DynamoDbBackend fixture = fixture(moto)) {
                fixture.createTable();
            }
            Lease recovered = blocking.acquire(request(7));
            recovered.commit();

            assertThat(degraded.isDegraded()).isTrue();
            assertThat(recovered.isDegraded()).isFalse();
            LimitState state = Futures.join(backend.read(List.of(new BucketKey("default", "u1", "api")))).get(0)
                    .state().find("rpm").orElseThrow();
            assertThat(state.consumedTokens()).isEqualTo(7);
            assertThat(state.tatNanos()).isEqualTo(clock.nanos() + RPM.costNanos(7));
        } finally {
            moto.stop();
        }
    }

    /** A backend with its own client and the endpoint's generous timeouts, for fixtures. */
    private static DynamoDbBackend fixture(MotoServer moto) {
        return DynamoDbBackend.builder().tableName("restart").endpoint(moto.endpoint()).region(Region.US_EAST_1)
                .credentials(DynamoDbTestEndpoint.fakeCredentials())
                .attemptTimeout(DynamoDbTestEndpoint.API_CALL_ATTEMPT_TIMEOUT)
                .callTimeout(DynamoDbTestEndpoint.API_CALL_TIMEOUT).build();
    }

    private static DynamoDbAsyncClient client(MotoServer moto) {
        return DynamoDbAsyncClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(DynamoDbTestEndpoint.fakeCredentials())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(2))
                        .apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    private static AcquireRequest request(long amount) {
        return AcquireRequest.of("u1", "api").consume("rpm", amount);
    }
}
