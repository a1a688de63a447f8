package dev.limiter.cli.options;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives options their defaults from environment variables, so that {@code LIMITER_TABLE=t limiter limits plan ...}
 * equals {@code limiter limits plan --table t ...}. An option given on the command line always wins; the first set
 * variable of an option's list wins over the next. Help shows each option's variables.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>option</th><th>variables, in order</th></tr>
 *   <tr><td>{@code --endpoint-url}</td><td>{@code LIMITER_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_DYNAMODB}</td></tr>
 *   <tr><td>{@code --region}</td><td>{@code AWS_REGION}, {@code AWS_DEFAULT_REGION}</td></tr>
 *   <tr><td>{@code --profile}</td><td>{@code AWS_PROFILE}</td></tr>
 *   <tr><td>{@code --table}</td><td>{@code LIMITER_TABLE}</td></tr>
 *   <tr><td>{@code --namespace}</td><td>{@code LIMITER_NAMESPACE}</td></tr>
 *   <tr><td>{@code --output}</td><td>{@code LIMITER_OUTPUT}</td></tr>
 *   <tr><td>{@code --actor}</td><td>{@code LIMITER_ACTOR}</td></tr>
 *   <tr><td>{@code --home}</td><td>{@code LIMITER_HOME}</td></tr>
 * </table>
 *
 * <p>Immutable.
 */
public final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    /** The variables of each option, by the option's longest name. */
    public static final Map<String, List<String>> VARIABLES = variables();

    private final Environment environment;

    /** Defaults read from {@code environment}. */
    public EnvironmentDefaults(Environment environment) {
        this.environment = environment;
    }

    /** The first set variable of the option, or {@code null} (picocli's "no default") when none is set. */
    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        for (String variable : VARIABLES.getOrDefault(option.longestName(), List.of())) {
            var value = environment.variable(variable);
            if (value.isPresent()) {
                return value.get();
            }
        }
        return null;
    }

    private static Map<String, List<String>> variables() {
        Map<String, List<String>> variables = new LinkedHashMap<>();
        variables.put("--endpoint-url", List.of("LIMITER_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB"));
        variables.put("--region", List.of("AWS_REGION", "AWS_DEFAULT_REGION"));
        variables.put("--profile", List.of("AWS_PROFILE"));
        variables.put("--table", List.of("LIMITER_TABLE"));
        variables.put("--namespace", List.of("LIMITER_NAMESPACE"));
        variables.put("--output", List.of("LIMITER_OUTPUT"));
        variables.put("--actor", List.of("LIMITER_ACTOR"));
        variables.put("--home", List.of("LIMITER_HOME"));
        return Map.copyOf(variables);
    }
}
