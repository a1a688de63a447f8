package dev.limiter.dynamodb.testkit;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records every HTTP attempt a DynamoDB client makes, by operation name, so tests can assert exact request counts
 * (SDK retries included). Thread-safe.
 */
public final class RequestLog implements ExecutionInterceptor {

    private static final Set<String> READS = Set.of("GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems");

    private final List<String> operations = new ArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        synchronized (operations) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        synchronized (operations) {
            operations.clear();
        }
    }

    /** Requests recorded, by operation. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        synchronized (operations) {
            operations.forEach(operation -> counts.merge(operation, 1, Integer::sum));
        }
        return counts;
    }

    /** All requests recorded. */
    public int total() {
        synchronized (operations) {
            return operations.size();
        }
    }

    /** Read requests recorded. */
    public int reads() {
        synchronized (operations) {
            return (int) operations.stream().filter(READS::contains).count();
        }
    }

    /** The distinct operations recorded. */
    public Set<String> operations() {
        synchronized (operations) {
            return new TreeSet<>(operations);
        }
    }
}
