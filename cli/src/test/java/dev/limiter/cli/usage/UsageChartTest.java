package dev.limiter.cli.usage;

import dev.limiter.dynamodb.usage.UsageSnapshot;
import dev.limiter.dynamodb.usage.UsageWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UsageChartTest {

    private static final Instant TEN = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void draw_hourly_fillsGapsWithZeroAndScalesToTheLargestValue() {
        List<String> lines = new UsageChart(UsageWindow.HOURLY, UsageChart.Measure.requests()).draw(List.of(
                hourly("acme", "gpt-4o", TEN, 40, 0), hourly("acme", "gpt-4o", TEN.plus(Duration.ofHours(2)), 10, 0)));

        int bar = 80 - "2026-11-25 10:00 | ".length() - " 40".length();
        assertThat(lines).containsExactly(
                "acme / gpt-4o: requests per hour (UTC), max 40",
                "2026-11-25 10:00 | " + "#".repeat(bar) + " 40",
                "2026-11-25 11:00 | " + " ".repeat(bar) + "  0",
                "2026-11-25 12:00 | " + "#".repeat(Math.round(bar / 4f)) + " ".repeat(bar - Math.round(bar / 4f))
                        + " 10");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(UsageChart.WIDTH));
    }

    @Test
    void draw_limit_chartsItsTokens_negativeAndTinyValues() {
        List<String> lines = new UsageChart(UsageWindow.HOURLY, UsageChart.Measure.limit("tpm")).draw(List.of(
                hourly("acme", "gpt-4o", TEN, 1, 1_000_000), hourly("acme", "gpt-4o", TEN.plusSeconds(3600), 1, 1),
                hourly("acme", "gpt-4o", TEN.plusSeconds(7200), 0, -300)));

        assertThat(lines.get(0)).isEqualTo("acme / gpt-4o: tpm per hour (UTC), max 1000000");
        assertThat(lines.get(2)).matches("2026-11-25 11:00 \\| # +1");
        assertThat(lines.get(3)).matches("2026-11-25 12:00 \\| +-300");
        assertThat(lines).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(UsageChart.WIDTH));
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line).hasSize(UsageChart.WIDTH));
    }

    @Test
    void draw_severalSeries_oneChartEachByEntityThenResource_onOneScale_daily() {
        Instant day = Instant.parse("2026-11-25T00:00:00Z");
        List<String> lines = new UsageChart(UsageWindow.DAILY, UsageChart.Measure.requests()).draw(List.of(
                daily("team", "gpt-4o", day, 2), daily("org", "gpt-4o", day, 3), daily("org", "claude", day, 1)));

        assertThat(lines).filteredOn(line -> line.contains(": requests per day")).containsExactly(
                "org / claude: requests per day (UTC), max 1", "org / gpt-4o: requests per day (UTC), max 3",
                "team / gpt-4o: requests per day (UTC), max 2");
        int bar = 80 - "2026-11-25 | ".length() - " 3".length();
        assertThat(lines).contains("", "2026-11-25 | " + "#".repeat(bar) + " 3",
                "2026-11-25 | " + "#".repeat(Math.round(bar / 3f)) + " ".repeat(bar - Math.round(bar / 3f)) + " 1");
    }

    private static UsageSnapshot hourly(String entity, String resource, Instant start, long requests, long tpm) {
        return new UsageSnapshot("ns", entity, resource, UsageWindow.HOURLY, start, start.plusSeconds(3600),
                requests, Map.of("tpm", tpm));
    }

    private static UsageSnapshot daily(String entity, String resource, Instant start, long requests) {
        return new UsageSnapshot("ns", entity, resource, UsageWindow.DAILY, start, start.plus(Duration.ofDays(1)),
                requests, Map.of());
    }
}
