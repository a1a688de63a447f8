package dev.limiter.lambda.provisioner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.RateLimiterBuilder;
import dev.limiter.provision.ManifestException;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudFormation custom resource handler of the limits provisioner. Always answers CloudFormation: SUCCESS with
 * the counts of what was added, changed and destroyed, or FAILED with a reason a person can act on (for a limits file
 * with errors, each error with its line and column). Logs one JSON object per request.
 *
 * <p>Environment: {@code LIMITER_TABLE}, the table used when the resource does not name one.
 */
public final class LimitsProvisionerHandler implements RequestHandler<CloudFormationCustomResourceEvent, Void> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Provisioner provisioner;
    private final ResponseSender sender;

    /** The Lambda entry point: a default DynamoDB client and {@code LIMITER_TABLE}. */
    public LimitsProvisionerHandler() {
        this(DynamoDbAsyncClient.create(), Optional.ofNullable(System.getenv("LIMITER_TABLE")).orElse(""),
                new ResponseSender());
    }

    LimitsProvisionerHandler(DynamoDbAsyncClient client, String defaultTable, ResponseSender sender) {
        this.provisioner = new Provisioner(client, defaultTable, RateLimiterBuilder.DEFAULT_MAX_DEPTH);
        this.sender = sender;
    }

    @Override
    public Void handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        Optional<String> physicalId = Optional.ofNullable(event.getPhysicalResourceId());
        Map<String, Object> properties = event.getResourceProperties() == null ? Map.of() : event.getResourceProperties();
        Map<String, Object> document;
        try {
            ProvisionOutcome outcome = provisioner.handle(event.getRequestType(), physicalId, properties);
            document = ResponseSender.document("SUCCESS", "applied", outcome.physicalResourceId(), event.getStackId(),
                    event.getRequestId(), event.getLogicalResourceId(), outcome.data());
        } catch (RuntimeException failure) {
            document = ResponseSender.document("FAILED", reason(failure), physicalId.orElse(context.getLogStreamName()),
                    event.getStackId(), event.getRequestId(), event.getLogicalResourceId(), Map.of());
        }
        log(context, event, document);
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
        try {
            context.getLogger().log(JSON.writeValueAsString(line) + "\n");
        } catch (JsonProcessingException impossible) {
            context.getLogger().log(String.valueOf(line) + "\n");
        }
    }
}
