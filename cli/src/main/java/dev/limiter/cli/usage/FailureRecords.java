package dev.limiter.cli.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.limiter.dynamodb.usage.FailedBatch;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the failure records of a Lambda stream event source's on-failure destination: one message body (a JSON object
 * with {@code DDBStreamBatchInfo}), the output of {@code aws sqs receive-message} (its {@code Messages[].Body}), or a
 * JSON array of bodies. Errors name the message and the field.
 */
final class FailureRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = "DDBStreamBatchInfo";

    private FailureRecords() {
    }

    /**
     * The failed batches {@code text} describes, in order.
     *
     * @throws IllegalArgumentException naming the message and the field, if {@code text} is not such a record
     */
    static List<FailedBatch> parse(String text) {
        JsonNode root = read(text, "the input");
        List<JsonNode> bodies = new ArrayList<>();
        if (root.has("Messages")) {
            for (JsonNode message : root.get("Messages")) {
                bodies.add(read(message.path("Body").asText(""), "Messages[" + bodies.size() + "].Body"));
            }
        } else if (root.isArray()) {
            root.forEach(bodies::add);
        } else {
            bodies.add(root);
        }
        List<FailedBatch> batches = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            batches.add(batch(bodies.get(i), bodies.size() == 1 ? "the failure record" : "failure record " + (i + 1)));
        }
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("the input holds no failure record (an empty Messages list: the "
                    + "queue had nothing to receive)");
        }
        return batches;
    }

    private static FailedBatch batch(JsonNode body, String where) {
        JsonNode info = body.get(INFO);
        if (info == null || !info.isObject()) {
            throw new IllegalArgumentException(where + " has no " + INFO + " object: not the on-failure record of a "
                    + "DynamoDB stream event source (its keys are " + keys(body) + ")");
        }
        try {
            return new FailedBatch(text(info, "streamArn", where), text(info, "shardId", where),
                    text(info, "startSequenceNumber", where), text(info, "endSequenceNumber", where),
                    info.path("batchSize").asInt(0), arrival(info, where));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(where + ": " + INFO + "." + invalid.getMessage(), invalid);
        }
    }

    private static String text(JsonNode info, String field, String where) {
        JsonNode value = info.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": " + INFO + "." + field + " is missing: must be a string");
        }
        return value.asText();
    }

    private static Instant arrival(JsonNode info, String where) {
        String value = info.path("approximateArrivalOfFirstRecord").asText("");
        try {
            return value.isEmpty() ? Instant.EPOCH : Instant.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new IllegalArgumentException(where + ": " + INFO + ".approximateArrivalOfFirstRecord '" + value
                    + "' is invalid: must be an ISO-8601 instant such as 2026-03-01T10:00:00Z", invalid);
        }
    }

    private static JsonNode read(String text, String where) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(where + " is empty: expected a JSON failure record");
            }
            return node;
        } catch (JsonProcessingException invalid) {
            throw new IllegalArgumentException(where + " is not JSON (line " + invalid.getLocation().getLineNr()
                    + ", column " + invalid.getLocation().getColumnNr() + "): " + invalid.getOriginalMessage(),
                    invalid);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
