package dev.limiter.spring.app;

import dev.limiter.RateLimitExceededException;
import dev.limiter.RateLimiter;
import dev.limiter.AcquireRequest;
import dev.limiter.Limit;
import dev.limiter.config.ConfigScope;
import dev.limiter.config.LimitConfig;
import dev.limiter.testkit.ManualClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"limiter.namespace=web-test", "limiter.limits.requests.rate=2",
        "limiter.limits.tokens.rate=100", "management.endpoints.web.exposure.include=health,limiter"})
@AutoConfigureMockMvc
class RateLimitedWebTest {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private RateLimiter limiter;
    @Autowired
    private ManualClock clock;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private ChatService chat;

    @Test
    void get_withinLimit_answers200WithRateLimitFields() throws Exception {
        mvc.perform(get("/chat").param("user", "within").param("tokens", "40"))
                .andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Policy", "\"requests\";q=2;w=60, \"tokens\";q=100;w=60"))
                .andExpect(header().string("RateLimit", "\"requests\";r=1;t=30, \"tokens\";r=60;t=1"));
    }

    @Test
    void get_overLimit_answers429WithRetryAfterFieldsAndBody() throws Exception {
        mvc.perform(get("/chat").param("user", "over"));
        mvc.perform(get("/chat").param("user", "over"));

        mvc.perform(get("/chat").param("user", "over"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(header().string("RateLimit", "\"requests\";r=0;t=30, \"tokens\";r=98;t=1"))
                .andExpect(header().string("RateLimit-Policy", "\"requests\";q=2;w=60, \"tokens\";q=100;w=60"))
                .andExpect(jsonPath("$.error").value("rate_limit_exceeded"))
                .andExpect(jsonPath("$.violations[0].limit").value("requests"))
                .andExpect(jsonPath("$.retry_after_seconds").value(30));
    }

    @Test
    void get_amountFromArgumentOverTokens_answers429ForTokens() throws Exception {
        mvc.perform(get("/chat").param("user", "tokens").param("tokens", "70"));

        mvc.perform(get("/chat").param("user", "tokens").param("tokens", "70"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.violations[0].limit").value("tokens"));
    }

    @Test
    void get_amountAboveCapacity_answers400() throws Exception {
        mvc.perform(get("/chat").param("user", "huge").param("tokens", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("amount_exceeds_capacity"));
    }

    @Test
    void get_methodThrows_refundsTheTokens() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> mvc.perform(get("/fail").param("user", "refunded")))
                    .hasRootCauseInstanceOf(IllegalStateException.class);
        }

        // A third call within the 2-per-minute limit would be rejected with 429 if the failures had kept their tokens.
        assertThatThrownBy(() -> mvc.perform(get("/fail").param("user", "refunded")))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void get_afterRetryAfter_isAdmittedAgain() throws Exception {
        mvc.perform(get("/chat").param("user", "later"));
        mvc.perform(get("/chat").param("user", "later"));

        clock.advance(Duration.ofSeconds(30));

        mvc.perform(get("/chat").param("user", "later")).andExpect(status().isOk());
    }

    @Test
    void actuatorLimiter_entityAndResource_explainsTheBucket() throws Exception {
        limiter.configs().set(ConfigScope.entityDefault("explained"), LimitConfig.of(Limit.perMinute("tokens", 100)));
        mvc.perform(get("/chat").param("user", "explained").param("tokens", "10"));

        mvc.perform(get("/actuator/limiter/explained/chat"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.namespace").value("web-test"))
                .andExpect(jsonPath("$.buckets[0].limits[?(@.limit == 'tokens')].available").value(90))
                .andExpect(jsonPath("$.buckets[0].limits[?(@.limit == 'tokens')].source").value("entity_default"))
                .andExpect(jsonPath("$.buckets[0].limits[?(@.limit == 'requests')].source").value("request"))
                .andExpect(jsonPath("$.buckets[0].overridden_request_limits.tokens").value("entity_default"));
    }

    @Test
    void actuatorLimiter_resourceWithSlashes_isJoinedFromTheRemainingPath() throws Exception {
        mvc.perform(get("/actuator/limiter/slashed/models/gpt-4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resource").value("models/gpt-4"));
    }

    @Test
    void actuatorLimiter_invalidEntity_answers400() throws Exception {
        mvc.perform(get("/actuator/limiter/bad!id/chat")).andExpect(status().isBadRequest());
    }

    @Test
    void actuatorLimiter_summary_showsNamespaceAndCache() throws Exception {
        mvc.perform(get("/actuator/limiter"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.namespace").value("web-test"))
                .andExpect(jsonPath("$.on_unavailable").value("block"));
    }

    @Test
    void get_granted_countsDecisionsInTheApplicationRegistry() throws Exception {
        mvc.perform(get("/chat").param("user", "metered"));

        assertThat(registry.get("limiter.decisions").tags("namespace", "web-test", "resource", "chat",
                "limit", "requests", "outcome", "granted").counter().count()).isPositive();
    }

    @Test
    void asyncMethod_stageFails_refundsTheTokens() {
        chat.completeAsync("async-fail", false);
        chat.completeAsync("async-fail", false);

        assertThat(limiter.tryAcquire(requests("async-fail", 2)).isGranted()).isTrue();
    }

    @Test
    void asyncMethod_stageSucceeds_keepsTheCharge() {
        assertThat(chat.completeAsync("async-ok", true)).isCompletedWithValue("ok async-ok");

        assertThat(limiter.tryAcquire(requests("async-ok", 2)).isGranted()).isFalse();
    }

    @Test
    void asyncMethod_rejected_failsTheFutureInsteadOfThrowing() {
        chat.completeAsyncNoWait("async-full");
        chat.completeAsyncNoWait("async-full");

        assertThat(chat.completeAsyncNoWait("async-full")).failsWithin(Duration.ZERO)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void maxWait_limitExhausted_waitsForTokensInsteadOfRejecting() {
        chat.completeAsync("waiter", true);
        chat.completeAsync("waiter", true);
        java.time.Instant before = clock.instant();

        assertThat(chat.completeAsync("waiter", true)).isCompletedWithValue("ok waiter");
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void expression_rootObject_givesTheMethodAndTarget() {
        chat.rootNamed("rooted");
        chat.rootNamed("rooted");

        assertThatThrownBy(() -> chat.rootNamed("rooted")).isInstanceOfSatisfying(RateLimitExceededException.class,
                rejected -> assertThat(rejected.resource()).isEqualTo("rootNamed.ChatService"));
    }

    @Test
    void expression_failsToEvaluate_throwsNamingTheMethodAndAttribute() {
        assertThatThrownBy(() -> chat.broken("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@RateLimited on " + ChatService.class.getName() + ".broken")
                .hasMessageContaining("entity '#user.missing' failed");
    }

    private static AcquireRequest requests(String entity, long amount) {
        return AcquireRequest.of(entity, "async").consume("requests", amount)
                .withLimits(Limit.perMinute("requests", 2));
    }
}
