package dev.limiter.cli.options;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class BackendOptionsTest {

    private final Sub sub = new Sub();

    @Test
    void table_fromTheEnvironment_whenNotGiven() {
        run(Map.of("LIMITER_TABLE", "from-env"), "sub");

        assertThat(sub.backend.table()).contains("from-env");
    }

    @Test
    void table_givenToTheParent_winsOverTheEnvironment() {
        run(Map.of("LIMITER_TABLE", "from-env"), "--table", "from-root", "sub");

        assertThat(sub.backend.table()).contains("from-root");
    }

    @Test
    void table_givenToTheSubcommand_winsOverTheParent() {
        run(Map.of(), "--table", "from-root", "sub", "--table", "from-sub");

        assertThat(sub.backend.table()).contains("from-sub");
    }

    @Test
    void table_namedLikeACommand_isAValue() {
        run(Map.of(), "--table", "sub", "sub");

        assertThat(sub.backend.table()).contains("sub");
    }

    @Test
    void endpoint_awsServiceVariable_isHonoured_limiterVariableWins() {
        run(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1"), "sub");
        Optional<URI> aws = sub.backend.endpoint();
        run(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:1", "LIMITER_ENDPOINT_URL", "http://127.0.0.1:2"),
                "sub");

        assertThat(aws).contains(URI.create("http://127.0.0.1:1"));
        assertThat(sub.backend.endpoint()).contains(URI.create("http://127.0.0.1:2"));
    }

    @Test
    void namespace_defaultsToDefault_orTheVariable() {
        run(Map.of(), "sub");
        String unset = sub.backend.namespace();
        run(Map.of("LIMITER_NAMESPACE", "prod"), "sub");

        assertThat(unset).isEqualTo("default");
        assertThat(sub.backend.namespace()).isEqualTo("prod");
    }

    @Test
    void output_fromTheVariable_andTheMostSpecificOption() {
        run(Map.of("LIMITER_OUTPUT", "json"), "sub");
        boolean fromEnv = sub.globals.json();
        run(Map.of("LIMITER_OUTPUT", "json"), "-o", "json", "sub", "-o", "text");

        assertThat(fromEnv).isTrue();
        assertThat(sub.globals.json()).isFalse();
    }

    @Test
    void loopback_coversLocalhostAndLoopbackAddressesOnly() {
        assertThat(Connections.isLoopback(URI.create("http://localhost:4566"))).isTrue();
        assertThat(Connections.isLoopback(URI.create("http://127.0.0.1:4566"))).isTrue();
        assertThat(Connections.isLoopback(URI.create("http://[::1]:4566"))).isTrue();
        assertThat(Connections.isLoopback(URI.create("https://dynamodb.eu-west-1.amazonaws.com"))).isFalse();
        assertThat(Connections.isLoopback(URI.create("http://127.example.com"))).isFalse();
    }

    @Test
    void region_forALoopbackEndpointWithoutOne_isUsEast1() {
        assertThat(Connections.region(Optional.empty(), Optional.of(URI.create("http://127.0.0.1:4566")),
                Optional.empty())).isEqualTo(Connections.LOCAL_REGION);
        assertThat(Connections.region(Optional.of("EU-WEST-1"), Optional.empty(), Optional.empty()).id())
                .isEqualTo("eu-west-1");
    }

    private void run(Map<String, String> variables, String... args) {
        Environment environment = Environment.of(variables);
        CommandLine commandLine = new CommandLine(new Root()).addSubcommand("sub", sub)
                .setAllowSubcommandsAsOptionParameters(true)
                .setDefaultValueProvider(new EnvironmentDefaults(environment));
        assertThat(commandLine.execute(args)).isZero();
    }

    @Command(name = "root")
    static final class Root implements Callable<Integer> {
        @Mixin(name = GlobalOptions.MIXIN_NAME)
        private GlobalOptions globals;

        @Mixin(name = BackendOptions.MIXIN_NAME)
        private BackendOptions backend;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "sub")
    static final class Sub implements Callable<Integer> {
        @Mixin(name = GlobalOptions.MIXIN_NAME)
        private GlobalOptions globals;

        @Mixin(name = BackendOptions.MIXIN_NAME)
        private BackendOptions backend;

        @Override
        public Integer call() {
            return 0;
        }
    }
}
