package dev.limiter.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.FeatureFlags;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** The synthesised app with every option on, checked by cdk-nag's AwsSolutions pack and by cfn-lint. */
class LimiterStackChecksTest {

    /** cfn-lint's exit code is a bit field: 2 errors, 4 warnings, 8 informational. */
    private static final int CFN_LINT_ERROR = 2;
    private static final long CFN_LINT_TIMEOUT_SECONDS = 180;

    @TempDir
    static Path dir;

    private static LimiterStack stack;
    private static Path template;

    @BeforeAll
    static void synthesise() throws IOException {
        App app = TestApps.app(dir.resolve("cdk.out"), TestApps.fullContext(TestApps.realJarOrStandIn(dir), dir));
        stack = LimiterApp.define(app, TestApps.BASE_DIR);
        CloudAssembly assembly = app.synth();
        // Kept under target/ so a failing lint can be rerun by hand on the same file.
        Path lintDir = Files.createDirectories(TestApps.BASE_DIR.resolve("target").resolve("cfn-lint"));
        template = Files.copy(Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath()),
                lintDir.resolve(stack.getStackName() + ".template.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void cdkJson_featureFlags_areOnInTheCheckedApp() {
        for (String flag : List.of("@aws-cdk/aws-iam:minimizePolicies", "@aws-cdk/core:checkSecretUsage",
                "@aws-cdk/aws-lambda:recognizeLayerVersion")) {
            assertThat(FeatureFlags.of(stack).isEnabled(flag)).as(flag).isTrue();
        }
    }

    @Test
    void cdkNag_awsSolutions_reportsNoUnsuppressedError() {
        List<SynthesisMessage> errors = Annotations.fromStack(stack)
                .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));

        assertThat(errors).extracting(message -> message.getId() + " " + message.getEntry().getData())
                .isEmpty();
    }

    @Test
    void cdkNag_awsSolutions_reportsNoWarning() {
        List<SynthesisMessage> warnings = Annotations.fromStack(stack)
                .findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"));

        assertThat(warnings).extracting(message -> message.getId() + " " + message.getEntry().getData())
                .isEmpty();
    }

    @Test
    void cdkNag_suppressions_areTheReviewedOnesEachWithAReason() {
        List<String> suppressions = new ArrayList<>();
        Map<?, ?> resources = (Map<?, ?>) templateJson().get("Resources");
        resources.forEach((id, resource) -> {
            Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) resource).get("Metadata");
            Map<?, ?> nag = metadata == null ? null : (Map<?, ?>) metadata.get("cdk_nag");
            if (nag != null) {
                for (Object rule : (List<?>) nag.get("rules_to_suppress")) {
                    Map<?, ?> suppression = (Map<?, ?>) rule;
                    assertThat(String.valueOf(suppression.get("reason"))).as("reason of %s", suppression)
                            .hasSizeGreaterThan(60);
                    suppressions.add(String.valueOf(id).replaceAll("[0-9A-F]{8}$", "") + " " + suppression.get("id"));
                }
            }
        });

        assertThat(suppressions).containsExactlyInAnyOrder(
                "LimiterAggregatorDeadLetterQueue AwsSolutions-SQS3",
                "LimiterAggregatorFunctionRoleDefaultPolicy AwsSolutions-IAM5",
                "LimiterPoliciesStreamReader AwsSolutions-IAM5",
                "LimiterAggregatorFunction AwsSolutions-L1",
                "LimiterProvisionerFunction AwsSolutions-L1");
    }

    @Test
    void cfnLint_synthesisedTemplate_hasNoErrors() throws IOException, InterruptedException {
        Path reportFile = template.resolveSibling("cfn-lint-report.txt");
        Process lint;
        try {
            // Output goes to a file: a full pipe would block cfn-lint until the timeout.
            lint = new ProcessBuilder("cfn-lint", template.toString()).redirectErrorStream(true)
                    .redirectOutput(reportFile.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("cfn-lint could not be started; install it with `pip install cfn-lint`", e);
        }
        if (!lint.waitFor(CFN_LINT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            lint.destroyForcibly();
            fail("cfn-lint did not finish within " + CFN_LINT_TIMEOUT_SECONDS + " s on " + template);
        }
        String report = Files.readString(reportFile, StandardCharsets.UTF_8);
        // Warnings do not fail the build but stay visible in the test output and the report file.
        System.out.println("cfn-lint exit code " + lint.exitValue() + " on " + template + ":\n" + report);

        assertThat(lint.exitValue() & CFN_LINT_ERROR).as("cfn-lint errors:%n%s", report).isZero();
    }

    private static Map<String, Object> templateJson() {
        return Template.fromStack(stack).toJSON();
    }
}
