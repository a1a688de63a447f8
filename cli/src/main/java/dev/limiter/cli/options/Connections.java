package dev.limiter.cli.options;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Region and credentials for the DynamoDB client:
 * <ul>
 *   <li>region: {@code --region} ({@code AWS_REGION}), else the SDK's region chain (profile, instance metadata);
 *       a loopback endpoint uses {@code us-east-1} without asking the chain;</li>
 *   <li>credentials: {@code --profile} ({@code AWS_PROFILE}) selects that profile; otherwise the SDK's default
 *       chain. For a loopback endpoint ({@code localhost}, {@code 127.x}, {@code ::1}) the chain is environment,
 *       system properties, the default profile, then the static {@code test}/{@code test} credentials that local
 *       DynamoDB servers accept, so {@code limiter local up} works without any AWS setup. Fake credentials are never
 *       used for any other endpoint.</li>
 * </ul>
 */
final class Connections {

    /** The region used for a loopback endpoint when none is given. */
    static final Region LOCAL_REGION = Region.US_EAST_1;

    private Connections() {
    }

    /**
     * The region to sign requests for.
     *
     * @throws IllegalArgumentException if none is given and the SDK finds none
     */
    static Region region(Optional<String> option, Optional<URI> endpoint, Optional<String> profile) {
        if (option.isPresent()) {
            return Region.of(option.get().toLowerCase(Locale.ROOT));
        }
        if (endpoint.filter(Connections::isLoopback).isPresent()) {
            return LOCAL_REGION;
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (SdkClientException none) {
            throw new IllegalArgumentException("no AWS region: pass --region REGION or set AWS_REGION", none);
        }
    }

    /** The credentials provider, as described on the class. */
    static AwsCredentialsProvider credentials(Optional<URI> endpoint, Optional<String> profile) {
        if (profile.isPresent()) {
            return ProfileCredentialsProvider.builder().profileName(profile.get()).build();
        }
        if (endpoint.filter(Connections::isLoopback).isPresent()) {
            return AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(true).credentialsProviders(
                    EnvironmentVariableCredentialsProvider.create(),
                    SystemPropertyCredentialsProvider.create(),
                    ProfileCredentialsProvider.create(),
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Whether {@code endpoint} names this machine: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}. */
    static boolean isLoopback(URI endpoint) {
        String host = String.valueOf(endpoint.getHost()).toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]")
                || host.equals("::1");
    }
}
