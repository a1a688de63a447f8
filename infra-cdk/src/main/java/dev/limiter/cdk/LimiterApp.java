package dev.limiter.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth} and {@code cdk deploy} run {@link #main(String[])} from the {@code infra-cdk}
 * directory (see {@code cdk.json}). The stack is {@code limiter-<stage>}, configured by the context keys that
 * {@code AppSettings} lists, and every construct is checked by cdk-nag's AwsSolutions pack.
 */
public final class LimiterApp {

    private LimiterApp() {
    }

    /**
     * Synthesises the app into {@code cdk.out}.
     *
     * @throws IllegalArgumentException if a context value is invalid
     * @throws IllegalStateException    if the Lambda jar has not been built
     */
    public static void main(String[] args) {
        App app = new App();
        define(app, Path.of("").toAbsolutePath());
        app.synth();
    }

    /**
     * Adds the limiter stack and the cdk-nag checks to {@code app}; relative paths in the context resolve against
     * {@code baseDir} (the {@code infra-cdk} directory).
     */
    public static LimiterStack define(App app, Path baseDir) {
        AppSettings settings = AppSettings.fromContext(app.getNode(), baseDir);
        LimiterStack stack = new LimiterStack(app, settings.stackName(), StackProps.builder()
                .stackName(settings.stackName())
                .description("Serverless rate limiter on DynamoDB (stage " + settings.stage() + ")")
                .tags(Map.of("project", "limiter", "stage", settings.stage()))
                .build(), settings.props());
        // Errors fail the check in CI (the tests read them); verbose explains each finding.
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return stack;
    }
}
