package dev.limiter.cli.local;

import dev.limiter.localstack.LocalEndpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables that point {@code limiter}, the AWS SDK and CLI, and this project's tests at a local
 * endpoint: {@code LIMITER_ENDPOINT_URL}, {@code LIMITER_TABLE}, then the localstack module's
 * {@link LocalEndpoint#toEnvironment()} ({@code LIMITER_TEST_ENDPOINT}, {@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}, {@code AWS_REGION} and fake {@code test} credentials), plus
 * {@code AWS_DEFAULT_REGION} for the AWS CLI v1.
 */
final class LocalEnvironment {

    /** The table {@code LIMITER_TABLE} names when no {@code --table} is given. */
    static final String DEFAULT_TABLE = "limiter-local";

    private LocalEnvironment() {
    }

    /** The variables, in a stable order. */
    static Map<String, String> of(LocalEndpoint endpoint, String table) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("LIMITER_ENDPOINT_URL", endpoint.endpoint().toString());
        variables.put("LIMITER_TABLE", table);
        endpoint.toEnvironment().forEach((name, value) -> {
            variables.put(name, value);
            if (name.equals("AWS_REGION")) {
                variables.put("AWS_DEFAULT_REGION", value);   // the AWS CLI v1 reads only this one
            }
        });
        return variables;
    }

    /** The variables as POSIX shell {@code export} lines, for {@code eval "$(limiter local env)"}. */
    static List<String> exports(LocalEndpoint endpoint, String table) {
        List<String> lines = new ArrayList<>();
        of(endpoint, table).forEach((name, value) -> lines.add("export " + name + "=" + quote(value)));
        return lines;
    }

    private static String quote(String value) {
        return value.matches("[A-Za-z0-9_./:@-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
