package dev.limiter.lambda.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMetricsTest {

    @Test
    void toLine_twoCounts_isAnEmfDocumentWithTheFunctionDimension() throws Exception {
        String line = EmbeddedMetrics.forFunction(Map.of("AWS_LAMBDA_FUNCTION_NAME", "agg"))
                .count("A", 2).count("B", 0).toLine(1_700_000_000_000L);

        JsonNode document = new ObjectMapper().readTree(line);
        JsonNode directive = document.at("/_aws/CloudWatchMetrics/0");
        assertThat(document.at("/_aws/Timestamp").asLong()).isEqualTo(1_700_000_000_000L);
        assertThat(directive.get("Namespace").asText()).isEqualTo("Limiter");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("FunctionName");
        assertThat(directive.at("/Metrics/1/Name").asText()).isEqualTo("B");
        assertThat(document.get("FunctionName").asText()).isEqualTo("agg");
        assertThat(document.get("A").asLong()).isEqualTo(2);
        assertThat(line).doesNotContain("\n");
    }
}
