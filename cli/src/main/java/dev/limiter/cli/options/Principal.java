package dev.limiter.cli.options;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who the audit trail names for this process's changes: {@code --actor} (or {@code LIMITER_ACTOR}) when given, else
 * the caller's AWS principal from STS {@code GetCallerIdentity}, asked at most once and only when the first change
 * is recorded, else {@code user:NAME} of the operating-system user. Thread-safe.
 */
final class Principal implements Supplier<String> {

    private final Supplier<Optional<String>> sts;
    private final String fallback;
    private final Object lock = new Object();
    private String resolved;

    Principal(Supplier<Optional<String>> sts, String fallback) {
        this.sts = sts;
        this.fallback = fallback;
    }

    /** The actor for {@code actorOption}, or the caller's identity through STS at the same endpoint and region. */
    static Supplier<String> of(Optional<String> actorOption, Optional<URI> endpoint, Region region,
                               AwsCredentialsProvider credentials) {
        if (actorOption.isPresent()) {
            String actor = actorOption.get();
            return () -> actor;
        }
        return new Principal(() -> callerArn(endpoint, region, credentials),
                "user:" + System.getProperty("user.name", "unknown"));
    }

    @Override
    public String get() {
        synchronized (lock) {
            if (resolved == null) {
                resolved = sts.get().orElse(fallback);
            }
            return resolved;
        }
    }

    /** The caller's ARN, or empty when STS does not answer (no credentials, an endpoint without STS). */
    private static Optional<String> callerArn(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        StsClientBuilder builder = StsClient.builder().region(region).credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(Duration.ofSeconds(5)).build());
        endpoint.ifPresent(builder::endpointOverride);
        try (StsClient client = builder.build()) {
            return Optional.ofNullable(client.getCallerIdentity().arn());
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }
}
