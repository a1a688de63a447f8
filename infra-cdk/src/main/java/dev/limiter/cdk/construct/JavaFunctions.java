package dev.limiter.cdk.construct;

import dev.limiter.cdk.iam.FunctionPermissions;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * Creates the construct's Java functions alike: runtime, architecture, code, environment, a log group with
 * retention and a role that writes only to that group.
 */
final class JavaFunctions {

    /** The variable through which both handlers learn the table name. */
    static final String TABLE_VARIABLE = "LIMITER_TABLE";
    /**
     * The managed runtime. java21 is the newest LTS runtime the project tests its Java 17 bytecode on; moving to a
     * newer one is a deliberate change, not a side effect of a CDK upgrade.
     */
    static final Runtime RUNTIME = Runtime.JAVA_21;
    /**
     * Graviton: the jar is pure Java, and arm64 costs about 20% less per GB-second than x86_64 at similar
     * performance for I/O-bound handlers like these.
     */
    static final Architecture ARCHITECTURE = Architecture.ARM_64;
    /** The alias the event source and the custom resource invoke when SnapStart is on (it needs a version). */
    static final String SNAPSTART_ALIAS = "live";

    private JavaFunctions() {
    }

    /**
     * The code of every function: the shaded jar, uploaded once as a file asset.
     *
     * @throws IllegalStateException if the jar does not exist, naming the build step that makes it
     */
    static Code code(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Lambda jar " + jar.toAbsolutePath().normalize() + " does not exist:"
                    + " run `mvn -B -pl lambdas -am package` (or `mvn -B -pl infra-cdk -am package`) first");
        }
        return Code.fromAsset(jar.toString());
    }

    /** A function called {@code id} in {@code scope}, with its log group and role beside it. */
    static Function create(Construct scope, String id, FunctionSpec spec, Code code, ITable table,
                           LimiterConstructProps props) {
        LogGroup logs = LogGroup.Builder.create(scope, id + "Logs")
                .retention(props.logRetention())
                .removalPolicy(props.removalPolicy())
                .build();
        Role role = Role.Builder.create(scope, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(spec.description())
                .build();
        role.addToPolicy(FunctionPermissions.logWrites(logs));
        Function function = Function.Builder.create(scope, id)
                .description(spec.description())
                .runtime(RUNTIME)
                .architecture(ARCHITECTURE)
                .code(code)
                .handler(spec.handler())
                .memorySize(spec.memoryMb())
                .timeout(software.amazon.awscdk.Duration.seconds(spec.timeout().toSeconds()))
                // No JAVA_TOOL_OPTIONS: the java21 runtime already starts the JVM with tiered compilation stopped
                // at C1, which is what a short, I/O-bound handler wants.
                .environment(Map.of(TABLE_VARIABLE, table.getTableName()))
                // JSON lines with a level field, filtered by level by Lambda itself; the handlers log through the
                // runtime's LambdaLogger with levels (and SLF4J is bridged to it), so every line is one JSON object.
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .snapStart(props.snapStart() ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .logGroup(logs)
                .role(role)
                .build();
        NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-L1")
                .reason("Pinned to java21, the LTS runtime the project builds and tests its Java 17 bytecode for; "
                        + "a newer runtime is adopted deliberately after the handlers are tested on it.")
                .build()));
        return function;
    }

    /**
     * What callers invoke: the function itself, or with SnapStart (which only applies to published versions) an
     * alias {@value #SNAPSTART_ALIAS} on the version of the current code and configuration.
     */
    static IFunction invocable(Construct scope, Function function, LimiterConstructProps props) {
        if (!props.snapStart()) {
            return function;
        }
        return Alias.Builder.create(scope, "Live").aliasName(SNAPSTART_ALIAS).version(function.getCurrentVersion())
                .build();
    }
}
