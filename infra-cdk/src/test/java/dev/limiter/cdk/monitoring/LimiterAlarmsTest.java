package dev.limiter.cdk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;

class LimiterAlarmsTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:alarms";

    private static Template template;
    private static LimiterAlarms alarms;
    private static String tableId;
    private static String queueId;

    @BeforeAll
    static void synthesise() {
        Stack stack = new Stack(new App(), "Alarms");
        alarms = new LimiterAlarms(stack, "Alarms", MonitoringFixtures.resources(stack),
                List.of(new SnsAction(Topic.fromTopicArn(stack, "Topic", TOPIC))));
        template = Template.fromStack(stack);
        tableId = template.getResourceId("AWS::DynamoDB::Table");
        queueId = template.getResourceId("AWS::SQS::Queue");
    }

    @Test
    void alarms_created_areSeventeenAndNotifyOnAlarmAndRecovery() {
        assertThat(alarms.alarms()).hasSize(17);
        template.resourceCountIs("AWS::CloudWatch::Alarm", 17);
        template.allResourcesProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmActions", List.of(TOPIC),
                "OKActions", List.of(TOPIC),
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "TreatMissingData", "notBreaching",
                "Period", 300));
    }

    @Test
    void tableThrottleAlarms_created_fireOnTheFirstThrottledRequest() {
        for (String metric : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/DynamoDB",
                    "MetricName", metric,
                    "Dimensions", List.of(Map.of("Name", "TableName", "Value", Map.of("Ref", tableId))),
                    "Statistic", "Sum",
                    "Threshold", 1,
                    "EvaluationPeriods", 1));
        }
    }

    @Test
    void functionErrorAlarms_created_fireOnTheFirstError() {
        for (String function : List.of(MonitoringFixtures.AGGREGATOR, MonitoringFixtures.PROVISIONER)) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/Lambda",
                    "MetricName", "Errors",
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)),
                    "Statistic", "Sum",
                    "Threshold", 1,
                    "EvaluationPeriods", 1));
        }
    }

    @Test
    void indexThrottleAlarms_created_watchGsi1OnTheFirstThrottledRequest() {
        for (String metric : List.of("ReadThrottleEvents", "WriteThrottleEvents")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/DynamoDB",
                    "MetricName", metric,
                    "Dimensions", Match.arrayEquals(List.of(
                            Map.of("Name", "GlobalSecondaryIndexName", "Value", "gsi1"),
                            Map.of("Name", "TableName", "Value", Map.of("Ref", tableId)))),
                    "Threshold", 1));
        }
    }

    @Test
    void functionThrottleAlarms_created_fireOnTheFirstThrottle() {
        for (String function : List.of(MonitoringFixtures.AGGREGATOR, MonitoringFixtures.PROVISIONER)) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "AWS/Lambda", "MetricName", "Throttles",
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)),
                    "Statistic", "Sum", "Threshold", 1));
        }
    }

    @Test
    void durationAlarms_created_fireAtEightyPercentOfEachTimeout() {
        Map<String, Integer> thresholds = Map.of(MonitoringFixtures.AGGREGATOR, 48_000,
                MonitoringFixtures.PROVISIONER, 240_000);
        thresholds.forEach((function, millis) -> template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda", "MetricName", "Duration",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", function)),
                "Statistic", "Maximum", "Threshold", millis)));
    }

    @Test
    void aggregatorAlarms_created_watchPartialFailuresGapsAndDestinationDelivery() {
        for (String metric : List.of("AggregatorFailedRecords", "AggregatorSnapshotsWithGaps")) {
            template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                    "Namespace", "Limiter", "MetricName", metric,
                    "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", MonitoringFixtures.AGGREGATOR)),
                    "Statistic", "Sum", "Threshold", 1));
        }
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda", "MetricName", "DestinationDeliveryFailures",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", MonitoringFixtures.AGGREGATOR)),
                "Threshold", 1));
    }

    @Test
    void provisionerFailureAlarm_created_firesOnAnAnsweredFailure() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "Limiter", "MetricName", "ProvisionerFailures",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", MonitoringFixtures.PROVISIONER)),
                "Statistic", "Sum", "Threshold", 1));
    }

    @Test
    void replayDeadlineAlarm_oneHourRecordAge_firesWithSixHoursOfStreamLeft() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS", "MetricName", "ApproximateAgeOfOldestMessage",
                "Threshold", 17 * 3600));
        assertThat(LimiterAlarms.replayDeadline(java.time.Duration.ofHours(23)))
                .isEqualTo(java.time.Duration.ofHours(1));
    }

    @Test
    void iteratorAgeAlarm_created_firesAfterTwoPeriodsBehindByFiveMinutes() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Lambda",
                "MetricName", "IteratorAge",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", MonitoringFixtures.AGGREGATOR)),
                "Statistic", "Maximum",
                "Threshold", 300_000,
                "EvaluationPeriods", 2,
                "DatapointsToAlarm", 2));
    }

    @Test
    void deadLetterQueueAlarm_created_firesOnTheFirstVisibleMessage() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS",
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(queueId, "QueueName")))),
                "Statistic", "Maximum",
                "Threshold", 1,
                "EvaluationPeriods", 1));
    }
}
