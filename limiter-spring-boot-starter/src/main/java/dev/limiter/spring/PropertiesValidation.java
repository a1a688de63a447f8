package dev.limiter.spring;

import dev.limiter.AcquireRequest;
import dev.limiter.internal.Require;
import org.springframework.validation.Errors;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Checks bound {@code limiter.*} properties. Each error names the property (as {@code Errors} field paths relative to
 * {@code limiter}) and states the rule; the core's own checks supply the wording where one exists.
 */
final class PropertiesValidation {

    private static final String TABLE_RULE = "[A-Za-z0-9_.-]{3,255}";
    private static final String REGION_RULE = "[a-z0-9-]+";

    private PropertiesValidation() {
    }

    static void validate(LimiterProperties properties, Errors errors) {
        check(errors, "namespace", () -> Require.namespace("namespace", properties.getNamespace()));
        nonNegative(errors, "configCacheTtl", properties.getConfigCacheTtl());
        if (properties.getBackend() == null) {
            errors.rejectValue("backend", "required", "must be in-memory or dynamodb");
        }
        for (Map.Entry<String, LimiterProperties.LimitProperties> limit : properties.getLimits().entrySet()) {
            String field = "limits[" + limit.getKey() + "]";
            check(errors, field, () -> limit.getValue().toLimit(limit.getKey()));
        }
        validateDynamoDb(properties, errors);
        nonNegative(errors, "metrics.bucketRefresh", properties.getMetrics().getBucketRefresh());
        for (int i = 0; i < properties.getMetrics().getBuckets().size(); i++) {
            MetricsProperties.BucketProperties bucket = properties.getMetrics().getBuckets().get(i);
            check(errors, "metrics.buckets[" + i + "]",
                    () -> AcquireRequest.of(bucket.getEntity(), bucket.getResource()));
        }
    }

    private static void validateDynamoDb(LimiterProperties properties, Errors errors) {
        DynamoDbProperties dynamodb = properties.getDynamodb();
        boolean used = properties.getBackend() == LimiterProperties.BackendKind.DYNAMODB;
        String table = dynamodb.getTable();
        if (used && (table == null || table.isBlank())) {
            errors.rejectValue("dynamodb.table", "required", "is required when limiter.backend=dynamodb");
        } else if (table != null && !table.matches(TABLE_RULE)) {
            errors.rejectValue("dynamodb.table", "invalid", "'" + Require.echo(table) + "' must match " + TABLE_RULE);
        }
        String region = dynamodb.getRegion();
        if (region != null && !region.matches(REGION_RULE)) {
            errors.rejectValue("dynamodb.region", "invalid",
                    "'" + Require.echo(region) + "' is not a region name such as us-east-1");
        }
        URI endpoint = dynamodb.getEndpoint();
        if (endpoint != null && (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            errors.rejectValue("dynamodb.endpoint", "invalid",
                    "'" + endpoint + "' must be an absolute http or https URI such as http://localhost:4566");
        }
        positive(errors, "dynamodb.attemptTimeout", dynamodb.getAttemptTimeout());
        positive(errors, "dynamodb.callTimeout", dynamodb.getCallTimeout());
    }

    private static void check(Errors errors, String field, Runnable rule) {
        try {
            rule.run();
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.rejectValue(field, "invalid", e.getMessage());
        }
    }

    private static void nonNegative(Errors errors, String field, Duration value) {
        if (value == null || value.isNegative()) {
            errors.rejectValue(field, "invalid", "must be zero or positive, got " + value);
        }
    }

    private static void positive(Errors errors, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            errors.rejectValue(field, "invalid", "must be positive, got " + value);
        }
    }
}
