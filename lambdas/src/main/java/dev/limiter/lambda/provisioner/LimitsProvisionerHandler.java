package dev.limiter.lambda.provisioner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.dynamodb.audit.AuditSettings;
import dev.limiter.lambda.logging.EmbeddedMetrics;
import dev.limiter.provision.ManifestException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The CloudFormation custom resource handler of the limits provisioner. Always answers CloudFormation: SUCCESS with
 * the counts of what was added, changed and destroyed, or FAILED with a reason a person can act on (for a limits file
 * with errors, each error with its line and column). Logs one JSON object per request (ERROR for FAILED), and
 * publishes {@code ProvisionerFailures} (1 for FAILED, else 0) as an embedded metric format line: a bad limits file
 * is answered, not thrown, so Lambda's {@code Errors} would never count it.
 *
 * <p>Environment: {@code LIMITER_TABLE}, the table used when the resource does not name one.
 */
public final class LimitsProvisionerHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    /** The source the audit trail records for changes the provisioner makes. */
    static final String AUDIT_SOURCE = "provisioner";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provisioner provisioner;
    private final ResponseSender sender;
    private final Consumer<String> metricsOut;

    /** The Lambda entry point: a default DynamoDB client and {@code LIMITER_TABLE}. */
    public LimitsProvisionerHandler() {
        this(DynamoDbAsyncClient.create(), Optional.ofNullable(System.getenv("LIMITER_TABLE")).orElse(""),
                new ResponseSender());
    }

    LimitsProvisionerHandler(DynamoDbAsyncClient client, String defaultTable, ResponseSender sender) {
        this(client, defaultTable, sender, System.out::println);
    }

    LimitsProvisionerHandler(DynamoDbAsyncClient client, String defaultTable, ResponseSender sender,
                             Consumer<String> metricsOut) {
        this.provisioner = new Provisioner(client, defaultTable, RateLimiterBuilder.DEFAULT_MAX_DEPTH);
        this.sender = sender;
        this.metricsOut = metricsOut;
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        Optional<String> physicalId = Optional.ofNullable(event.getPhysicalResourceId());
        Map<String, Object> properties = event.getResourceProperties() == null ? Map.of() : event.getResourceProperties();
        Map<String, Object> document;
        try {
            ProvisionOutcome outcome = provisioner.handle(event.getRequestType(), physicalId, properties,
                    audit(event));
            document = ResponseSender.document("SUCCESS", "applied", outcome.physicalResourceId(), event.getStackId(),
                    event.getRequestId(), event.getLogicalResourceId(), outcome.data());
        } catch (RuntimeException failure) {
            document = ResponseSender.document("FAILED", reason(failure), physicalId.orElse(context.getLogStreamName()),
                    event.getStackId(), event.getRequestId(), event.getLogicalResourceId(), Map.of());
        }
        log(context, event, document);
        EmbeddedMetrics.forFunction(System.getenv())
                .count(EmbeddedMetrics.PROVISIONER_FAILURES, "FAILED".equals(document.get("Status")) ? 1 : 0)
                .emit(metricsOut, System.currentTimeMillis());
        try {
            sender.send(event.getResponseUrl(), document);
        } catch (IOException e) {
            throw new IllegalStateException("could not answer CloudFormation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering CloudFormation", e);
        }
        return null;
    }

    /**
     * How the request's changes are recorded: the stack as the actor (CloudFormation does not say which principal
     * updated it), {@value #AUDIT_SOURCE} as the source, and the request as the reason, so that {@code limiter audit}
     * leads from a change to the stack event that made it.
     */
    private static AuditSettings audit(CloudFormationCustomResourceEvent event) {
        String stack = Optional.ofNullable(event.getStackId()).orElse("unknown-stack");
        return AuditSettings.of("cloudformation:" + stack).withSource(AUDIT_SOURCE).withReason(event.getRequestType()
                + " of " + event.getLogicalResourceId() + " (CloudFormation request " + event.getRequestId() + ")");
    }

    private static String reason(RuntimeException failure) {
        if (failure instanceof ManifestException invalid) {
            return "the limits file has errors: " + String.join("; ", invalid.problems().stream()
                    .map(Object::toString).toList());
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static void log(Context context, CloudFormationCustomResourceEvent event, Map<String, Object> document) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "limits-provisioner");
        line.put("requestType", event.getRequestType());
        line.put("logicalResourceId", event.getLogicalResourceId());
        line.put("status", document.get("Status"));
        line.put("physicalResourceId", document.get("PhysicalResourceId"));
        line.put("reason", document.get("Reason"));
        line.put("data", document.get("Data"));
        LogLevel level = "FAILED".equals(document.get("Status")) ? LogLevel.ERROR : LogLevel.INFO;
        line.put("level", level.name());
        try {
            context.getLogger().log(JSON.writeValueAsString(line) + "\n", level);
        } catch (JsonProcessingException impossible) {
            context.getLogger().log(String.valueOf(line) + "\n", level);
        }
    }
}
