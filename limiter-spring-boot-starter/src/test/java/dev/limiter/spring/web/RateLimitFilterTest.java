package dev.limiter.spring.web;

import dev.limiter.Decision;
import dev.limiter.Limit;
import dev.limiter.LimitStatus;
import dev.limiter.RateLimiterUnavailableException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitFilterTest {

    private final RateLimitFilter filter = new RateLimitFilter();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void doFilter_rejectionWrappedByAServlet_answers429WithFieldsAndJson() throws Exception {
        LimitStatus status = new LimitStatus("u1", "api", Limit.perSecond("rps", 5), 0, 1, Duration.ofMillis(200));
        Decision.Rejected rejection = new Decision.Rejected("u1", "api", Duration.ofMillis(200), List.of(status),
                List.of(status));

        filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> {
            throw new ServletException("wrapped", rejection.toException());
        });

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"rps\";r=0;t=1");
        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"rps\";q=5;w=1");
        assertThat(response.getContentAsString()).startsWith("{\"error\":\"rate_limit_exceeded\",")
                .contains("\"violations\":[{\"entity\":\"u1\"");
    }

    @Test
    void doFilter_backendUnavailable_answers503() throws Exception {
        filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> {
            throw new RateLimiterUnavailableException("down", new IOException("refused"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("rate_limiter_unavailable").doesNotContain("refused");
    }

    @Test
    void doFilter_otherFailure_isRethrown() {
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest(), response, (req, res) -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
    }

    @Test
    void json_controlCharactersAndQuotes_areEscaped() {
        assertThat(RateLimitResponses.json(Map.of("m", "a\"b\\c\n")))
                .isEqualTo("{\"m\":\"a\\\"b\\\\c\\u000a\"}");
    }
}
