package dev.limiter.lambda.provisioner;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a custom resource's result to CloudFormation: a JSON document PUT to the request's pre-signed
 * {@code ResponseURL} (an S3 URL, so the request must carry no content type). CloudFormation waits for this
 * response; a handler that never sends one stalls the stack for an hour.
 */
class ResponseSender {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 3_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The response document for a request. */
    static Map<String, Object> document(String status, String reason, String physicalId, String stackId,
                                        String requestId, String logicalId, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Status", status);
        body.put("Reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
        body.put("PhysicalResourceId", physicalId);
        body.put("StackId", stackId);
        body.put("RequestId", requestId);
        body.put("LogicalResourceId", logicalId);
        body.put("NoEcho", false);
        body.put("Data", data);
        return body;
    }

    /** PUTs {@code document} to {@code responseUrl}. */
    void send(String responseUrl, Map<String, Object> document) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(document);
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("CloudFormation response upload failed with HTTP " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
