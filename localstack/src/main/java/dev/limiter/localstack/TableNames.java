package dev.limiter.localstack;

import java.util.concurrent.ThreadLocalRandom;

/** Makes table names unique to a test class. */
final class TableNames {

    private static final int MAX_CLASS_NAME_CHARS = 100;

    private TableNames() {
    }

    /**
     * Returns {@code limiter-test-<simple class name>-<8 random hex digits>}, with characters DynamoDB does not
     * allow replaced by {@code -}. The random part keeps runs against a shared endpoint apart.
     */
    static String forClass(Class<?> testClass) {
        String simpleName = testClass.getSimpleName().isEmpty() ? "anonymous" : testClass.getSimpleName();
        String sanitized = simpleName.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (sanitized.length() > MAX_CLASS_NAME_CHARS) {
            sanitized = sanitized.substring(0, MAX_CLASS_NAME_CHARS);
        }
        String suffix = String.format("%08x", ThreadLocalRandom.current().nextInt());
        return DynamoDbEndpointExtension.TABLE_PREFIX + sanitized + "-" + suffix;
    }
}
