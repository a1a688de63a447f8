package dev.limiter.cdk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

class LimiterDashboardTest {

    private static String body;

    @BeforeAll
    static void synthesise() {
        Stack stack = new Stack(new App(), "Dashboard");
        MonitoredResources resources = MonitoringFixtures.resources(stack);
        LimiterAlarms alarms = new LimiterAlarms(stack, "Alarms", resources, List.of());
        new LimiterDashboard(stack, "Dashboard", resources, alarms.alarms());
        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        body = String.valueOf(template.findResources("AWS::CloudWatch::Dashboard").values().iterator().next()
                .get("Properties"));
    }

    @Test
    void dashboard_created_showsEveryAlarmsState() {
        assertThat(body).contains("\"type\":\"alarm\"", "Limiter alarms");
        for (String alarm : List.of("TableReadThrottles", "TableWriteThrottles", "AggregatorErrors",
                "AggregatorIteratorAge", "DeadLetterQueueDepth", "ProvisionerErrors")) {
            assertThat(body).contains("Alarms" + alarm);
        }
    }

    @Test
    void dashboard_created_graphsTheTableTheFunctionsAndTheQueue() {
        assertThat(body).contains("ConsumedWriteCapacityUnits", "ConsumedReadCapacityUnits", "WriteThrottleEvents",
                "ReadThrottleEvents", "ConditionalCheckFailedRequests", "TransactionConflict", "IteratorAge",
                "Invocations", "Errors", "Duration", "ApproximateNumberOfMessagesVisible",
                MonitoringFixtures.AGGREGATOR, MonitoringFixtures.PROVISIONER);
    }

    @Test
    void dashboard_created_hasTheTitlesOfEachRow() {
        assertThat(body).contains("Table consumed capacity units", "Aggregator iterator age (ms)",
                "On-failure queue: visible messages", "Provisioner invocations and errors");
    }
}
