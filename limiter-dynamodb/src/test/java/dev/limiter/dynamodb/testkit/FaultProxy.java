package dev.limiter.dynamodb.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback HTTP proxy between a DynamoDB client and DynamoDB that injects faults per attempt. It forwards every
 * request unless armed; while armed, the next requests of the chosen operations (by {@code X-Amz-Target}) are
 * throttled, failed with 500, held past the client's attempt timeout, forwarded and then failed anyway (an applied
 * write whose response was lost, optionally after running other writes in between), refused because a transaction
 * holds the item ({@code TransactionConflictException}), or, for transactions, cancelled with a
 * {@code TransactionConflict} or {@code ThrottlingError} reason on every item, in the shapes DynamoDB returns. A
 * proxy rather than an SDK interceptor because the SDK resolves the request before its retry loop: only something on the wire can fail one attempt and let the next one through.
 */
public final class FaultProxy implements AutoCloseable {

    /** What the proxy does with an affected request. */
    public enum Fault { THROTTLE, SERVER_ERROR, HANG, APPLY_THEN_FAIL, CONFLICT, CANCEL_CONFLICT, CANCEL_THROTTLED }

    private static final String THROTTLE_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
            + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}";
    private static final String SERVER_ERROR_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
            + "\"message\":\"Internal server error (injected)\"}";
    private static final String CONFLICT_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
            + "TransactionConflictException\",\"message\":\"Transaction is ongoing for the item\"}";
    private static final Set<String> UNFORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final HttpClient forwarder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.SERVER_ERROR);
    private final AtomicReference<Set<String>> operations = new AtomicReference<>(Set.of());
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicReference<Runnable> betweenApplyAndFailure = new AtomicReference<>(() -> { });

    /** Starts a proxy to {@code target} on a free loopback port. */
    public FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The endpoint clients should use. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Applies {@code newFault} to the next {@code count} requests of the {@code affected} operations. */
    public void arm(Fault newFault, int count, String... affected) {
        fault.set(newFault);
        operations.set(Set.of(affected));
        remaining.set(count);
    }

    /** Runs {@code writes} after an {@link Fault#APPLY_THEN_FAIL} request was applied and before it fails. */
    public void betweenApplyAndFailure(Runnable writes) {
        betweenApplyAndFailure.set(writes);
    }

    /** Forwards everything again. */
    public void disarm() {
        remaining.set(0);
        betweenApplyAndFailure.set(() -> { });
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String targetHeader = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = targetHeader.substring(targetHeader.indexOf('.') + 1);
            boolean affected = operations.get().contains(operation)
                    && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (!affected) {
                relay(exchange, forward(exchange, body));
                return;
            }
            switch (fault.get()) {
                case THROTTLE -> respond(exchange, 400, THROTTLE_BODY);
                case SERVER_ERROR -> respond(exchange, 500, SERVER_ERROR_BODY);
                case HANG -> {
                    awaitRelease();
                    respond(exchange, 500, SERVER_ERROR_BODY);
                }
                case APPLY_THEN_FAIL -> {
                    forward(exchange, body);
                    betweenApplyAndFailure.get().run();
                    respond(exchange, 500, SERVER_ERROR_BODY);
                }
                case CONFLICT -> respond(exchange, 400, CONFLICT_BODY);
                case CANCEL_CONFLICT -> respond(exchange, 400, canceled(body, "TransactionConflict"));
                case CANCEL_THROTTLED -> respond(exchange, 400, canceled(body, "ThrottlingError"));
            }
        }
    }

    /** A {@code TransactionCanceledException} with reason {@code code} for every action of the transaction. */
    private static String canceled(byte[] request, String code) {
        String text = new String(request, StandardCharsets.UTF_8);
        int actions = text.split("\"Update\"\\s*:", -1).length - 1;
        StringBuilder reasons = new StringBuilder();
        for (int i = 0; i < actions; i++) {
            reasons.append(i == 0 ? "" : ",").append("{\"Code\":\"").append(code).append("\",\"Message\":\"injected\"}");
        }
        return "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\",\"Message\":"
                + "\"Transaction cancelled, please refer cancellation reasons for specific reasons\","
                + "\"CancellationReasons\":[" + reasons + "]}";
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(10));
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            if (!UNFORWARDED.contains(header.getKey().toLowerCase())) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        try {
            return forwarder.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forwarding", e);
        }
    }

    private static void relay(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!UNFORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Holds a hanging request until the proxy closes (at most a minute), well past any attempt timeout. */
    private void awaitRelease() {
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
