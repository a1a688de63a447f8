package dev.limiter.cli.options;

import dev.limiter.RateLimiter;
import dev.limiter.backend.Backend;
import dev.limiter.dynamodb.audit.AuditSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a command's limits live: the DynamoDB table ({@code --table}), how to reach it ({@code --endpoint-url},
 * {@code --region}, {@code --profile}) and the namespace inside it ({@code --namespace}). Mix it into every command
 * that talks to a backend, and into the command groups above them, with
 * {@code @Mixin(name = BackendOptions.MIXIN_NAME)}: an option may then be given at any level
 * ({@code limiter --table t entity list} or {@code limiter entity list --table t}), the most specific winning, and
 * each falls back to its environment variable ({@link EnvironmentDefaults}).
 *
 * <p>Commands that need a table call {@link #connect()}, which fails with a usage error when no table is set. Only
 * the {@code demo} keeps its limits in memory when neither a table nor an endpoint is set ({@link #isInMemory()}). See {@link Connections} for regions and credentials. Not thread-safe: picocli fills it.
 */
public final class BackendOptions {

    /** The name every command gives this mixin, so that nested commands find their parents' values. */
    public static final String MIXIN_NAME = "backend";

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "DynamoDB endpoint, e.g. "
            + "http://127.0.0.1:4566 for a local one (env: LIMITER_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB).")
    private String endpointUrl;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region (env: AWS_REGION; default: the AWS profile's, or us-east-1 for a local endpoint).")
    private String region;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile for credentials (env: AWS_PROFILE).")
    private String profile;

    @Option(names = "--table", paramLabel = "TABLE", description = "DynamoDB table of the limiter (env: LIMITER_TABLE).")
    private String table;

    @Option(names = "--namespace", paramLabel = "NS", defaultValue = "default",
            description = "Namespace inside the table (env: LIMITER_NAMESPACE; default: default).")
    private String namespace;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who the audit trail names for changes "
            + "(env: LIMITER_ACTOR; default: your AWS principal from STS, else user:LOGIN).")
    private String actor;

    @Option(names = "--reason", paramLabel = "TEXT",
            description = "Why: recorded with every change in the audit trail, e.g. \"ticket OPS-123\".")
    private String reason;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    /** Creates the mixin; picocli fills its fields. */
    public BackendOptions() {
        // fields are injected by picocli
    }

    /** The table, if one was given or set in {@code LIMITER_TABLE}. */
    public Optional<String> table() {
        return text("--table");
    }

    /** The namespace: {@code --namespace}, {@code LIMITER_NAMESPACE} or {@code default}. */
    public String namespace() {
        return text("--namespace").orElse("default");
    }

    /** The endpoint override, if one was given or set in the environment. */
    public Optional<URI> endpoint() {
        return text("--endpoint-url").map(this::parseEndpoint);
    }

    /**
     * The table, or a usage error naming the option and the variable.
     *
     * @throws ParameterException if no table is set
     */
    public String requireTable() {
        return table().orElseThrow(() -> new ParameterException(mixee.commandLine(),
                "Missing the DynamoDB table: pass --table TABLE or set LIMITER_TABLE"));
    }

    /**
     * A connection to the table, with a client built from the endpoint, region and credentials options; the caller
     * closes it.
     *
     * @throws ParameterException if no table is set or an option is invalid
     */
    public TableConnection connect() {
        return connect(requireTable());
    }

    /**
     * {@link #connect()} to {@code --table}, or to {@code defaultTable} when none is set.
     *
     * @throws ParameterException if an option is invalid
     */
    public TableConnection connect(String defaultTable) {
        String name = table().orElse(defaultTable);
        Optional<URI> endpoint = endpoint();
        Optional<String> profileName = text("--profile");
        try {
            Region region = Connections.region(text("--region"), endpoint, profileName);
            AwsCredentialsProvider credentials = Connections.credentials(endpoint, profileName);
            AuditSettings audit = AuditSettings.of("cli").withSource("cli").withReason(text("--reason").orElse(""))
                    .withActor(Principal.of(text("--actor"), endpoint, region, credentials));
            return TableConnection.open(name, endpoint, region, credentials, audit);
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage().startsWith("tableName")
                    ? "Invalid value for option '--table': " + invalid.getMessage() : invalid.getMessage();
            throw new ParameterException(mixee.commandLine(), message, invalid);
        }
    }

    /** Whether neither a table nor an endpoint is set, so a command that can may keep its limits in memory. */
    public boolean isInMemory() {
        return table().isEmpty() && endpoint().isEmpty();
    }

    /** A limiter on {@code backend} in {@link #namespace()}, reading stored limits without caching them. */
    public RateLimiter limiter(Backend backend) {
        try {
            return RateLimiter.builder().backend(backend).namespace(namespace()).configCacheTtl(Duration.ZERO).build();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--namespace': "
                    + invalid.getMessage(), invalid);
        }
    }

    /**
     * Where the running {@code command} connects, for error messages: {@code region R, endpoint E} (the regional
     * AWS endpoint unless {@code --endpoint-url} overrides it), and whether that endpoint is on this machine.
     *
     * @param region   the region the client uses
     * @param endpoint the endpoint it calls
     * @param local    whether the endpoint is a loopback address (where 'limiter local up' helps)
     */
    public record Target(String region, String endpoint, boolean local) {
        @Override
        public String toString() {
            return "region " + region + ", endpoint " + endpoint;
        }
    }

    /** The {@link Target} of {@code command}, or empty if its options do not say (e.g. an invalid endpoint). */
    public static Optional<Target> target(CommandSpec command) {
        try {
            Optional<String> endpointText = Layers.value(command, MIXIN_NAME, "--endpoint-url").map(Object::toString)
                    .filter(value -> !value.isBlank());
            Optional<URI> endpoint = endpointText.map(value -> URI.create(value.strip()));
            Optional<String> region = Layers.value(command, MIXIN_NAME, "--region").map(Object::toString)
                    .filter(value -> !value.isBlank());
            Optional<String> profile = Layers.value(command, MIXIN_NAME, "--profile").map(Object::toString)
                    .filter(value -> !value.isBlank());
            boolean local = endpoint.filter(Connections::isLoopback).isPresent();
            if (region.isEmpty() && !local) {
                // Resolving the profile's region again could call the instance metadata service: say where it came from.
                return Optional.of(new Target("of the AWS profile" + profile.map(p -> " '" + p + "'").orElse(""),
                        endpoint.map(URI::toString).orElse("the region's DynamoDB endpoint"), false));
            }
            String regionId = Connections.region(region, endpoint, profile).id();
            return Optional.of(new Target(regionId, endpoint.map(URI::toString)
                    .orElse("https://dynamodb." + regionId + ".amazonaws.com"), local));
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String option) {
        return Layers.value(mixee, MIXIN_NAME, option).map(Object::toString).filter(value -> !value.isBlank());
    }

    private URI parseEndpoint(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new ParameterException(mixee.commandLine(), "Invalid value for option '--endpoint-url': '" + value
                + "' is not an http(s) URL such as http://127.0.0.1:4566");
    }
}
