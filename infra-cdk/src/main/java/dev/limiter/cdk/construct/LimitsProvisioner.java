package dev.limiter.cdk.construct;

import dev.limiter.cdk.iam.FunctionPermissions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.constructs.Construct;

/**
 * The limits provisioner: a function that applies a limits manifest with the CLI's plan/apply engine, and, when a
 * limits file is configured, the custom resource that runs it on every deployment that changes the file.
 *
 * <p>The custom resource uses the function's ARN as its service token, without the CDK's provider framework: the
 * handler speaks the CloudFormation custom resource protocol itself (it answers on the pre-signed response URL), so
 * a framework function, its role and its log group would add resources, cost and nag suppressions for nothing.
 */
final class LimitsProvisioner extends Construct {

    /** The provisioner's handler in the shaded jar. */
    static final String HANDLER = "dev.limiter.lambda.provisioner.LimitsProvisionerHandler::handleRequest";
    /** The custom resource's type, as it appears in the template and the console. */
    static final String RESOURCE_TYPE = "Custom::LimiterLimits";
    /** Resource property carrying the manifest's YAML text. */
    static final String MANIFEST_PROPERTY = "Manifest";
    /** Resource property carrying the table name. */
    static final String TABLE_PROPERTY = "TableName";

    private final Function function;
    private final CustomResource limits;

    LimitsProvisioner(Construct scope, String id, Table table, Code code, LimiterConstructProps props) {
        super(scope, id);
        FunctionSpec spec = new FunctionSpec(HANDLER, "Applies the limiter's limits manifest",
                props.provisionerMemoryMb(), props.provisionerTimeout());
        function = JavaFunctions.create(this, "Function", spec, code, table, props);
        FunctionPermissions.provisioner(table).forEach(function::addToRolePolicy);
        IFunction invoked = JavaFunctions.invocable(this, function, props);
        limits = props.limitsFile().map(file -> limitsResource(file, table, invoked, props)).orElse(null);
    }

    private CustomResource limitsResource(Path file, Table table, IFunction invoked, LimiterConstructProps props) {
        return CustomResource.Builder.create(this, "Limits")
                .serviceToken(invoked.getFunctionArn())
                .resourceType(RESOURCE_TYPE)
                .properties(Map.of(TABLE_PROPERTY, table.getTableName(),
                        MANIFEST_PROPERTY, LimitsManifest.read(file)))
                .serviceTimeout(software.amazon.awscdk.Duration.seconds(serviceTimeout(props).toSeconds()))
                .build();
    }

    /**
     * How long CloudFormation waits for an answer before it fails the resource (instead of its default hour): the
     * first invocation plus Lambda's two asynchronous retries, one and two minutes apart, plus a minute's slack. At
     * most 49 minutes, within CloudFormation's one-hour maximum, because a Lambda timeout is at most 15 minutes.
     */
    static Duration serviceTimeout(LimiterConstructProps props) {
        return props.provisionerTimeout().multipliedBy(3).plusMinutes(4);
    }

    /** The provisioner function. */
    Function function() {
        return function;
    }

    /** The custom resource that applies the limits file, if one is configured. */
    Optional<CustomResource> limits() {
        return Optional.ofNullable(limits);
    }
}
