package dev.limiter.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;

/** Apps configured like {@code cdk synth -c ...} from the module directory, for the tests of this package. */
final class TestApps {

    /** The module directory: Surefire runs the tests there, as the CDK CLI runs the app. */
    static final Path BASE_DIR = Path.of("").toAbsolutePath();
    /** The jar {@code mvn package} of the lambdas module builds. */
    static final Path REAL_JAR = BASE_DIR.resolve(AppSettings.DEFAULT_LAMBDA_JAR).normalize();
    static final String LIMITS = "namespace: alpha\nresources:\n  gpt-4:\n    limits:\n      rpm: {capacity: 100}\n";

    private TestApps() {
    }

    /** The real Lambda jar; fails, never skips, when it is missing, because {@code mvn verify} always builds it. */
    static Path requireRealJar() {
        assertThat(REAL_JAR)
                .as("Lambda jar %s is missing: run `mvn -B -pl lambdas -am package` first (`mvn verify` does)",
                        REAL_JAR)
                .isRegularFile();
        return REAL_JAR;
    }

    /**
     * The real jar when it exists, else a stand-in file in {@code dir}: for checks of the template that do not
     * depend on the code (the asset is only copied and hashed).
     */
    static Path realJarOrStandIn(Path dir) throws IOException {
        if (Files.isRegularFile(REAL_JAR)) {
            return REAL_JAR;
        }
        System.out.println("Lambda jar " + REAL_JAR + " not built; this template check uses a stand-in asset");
        return Files.writeString(dir.resolve("stand-in.jar"), "stand-in for lambdas.jar");
    }

    /**
     * Context with every option on: stage {@code test}, a limits file in {@code dir}, a created alarm topic and the
     * namespaces {@code alpha} and {@code beta}.
     */
    static Map<String, Object> fullContext(Path jar, Path dir) throws IOException {
        Path limits = Files.writeString(dir.resolve("limits.yaml"), LIMITS);
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.putAll(Map.of("stage", "test", "lambdaJar", jar.toString(), "limitsFile", limits.toString(),
                "createAlarmTopic", "true", "namespaces", "alpha, beta", "snapStart", "true"));
        return context;
    }

    /** The context of the module's {@code cdk.json}, feature flags included, as {@code cdk synth} passes it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cdkJsonContext() throws IOException {
        Map<String, Object> cdkJson = new ObjectMapper().readValue(BASE_DIR.resolve("cdk.json").toFile(), Map.class);
        return (Map<String, Object>) cdkJson.get("context");
    }

    /** An app with {@code context} that synthesises into {@code outdir}. */
    static App app(Path outdir, Map<String, Object> context) {
        return App.Builder.create().outdir(outdir.toString()).context(context).build();
    }
}
