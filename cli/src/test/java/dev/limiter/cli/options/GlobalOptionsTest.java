package dev.limiter.cli.options;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalOptionsTest {

    private final Sub sub = new Sub();

    @Test
    void verbose_givenToTheParent_appliesToTheSubcommand() {
        run("-v", "sub");

        assertThat(sub.globals.verbose()).isTrue();
        assertThat(sub.globals.noColor()).isFalse();
    }

    @Test
    void noColor_givenToTheSubcommand_turnsColorsOff() {
        run("sub", "--no-color");

        assertThat(sub.globals.noColor()).isTrue();
        assertThat(sub.globals.verbose()).isFalse();
        assertThat(sub.globals.terminal().color()).isFalse();
    }

    @Test
    void terminal_outputNotAConsole_isNeitherInteractiveNorColored() {
        run("sub");

        assertThat(sub.globals.terminal().interactive()).isFalse();
        assertThat(sub.globals.terminal().color()).isFalse();
    }

    private void run(String... args) {
        CommandLine commandLine = new CommandLine(new Root()).addSubcommand("sub", sub);
        assertThat(commandLine.execute(args)).isZero();
    }

    @Command(name = "root")
    static final class Root implements Callable<Integer> {
        @Mixin(name = GlobalOptions.MIXIN_NAME)
        private GlobalOptions globals;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "sub")
    static final class Sub implements Callable<Integer> {
        @Mixin(name = GlobalOptions.MIXIN_NAME)
        private GlobalOptions globals;

        @Override
        public Integer call() {
            return 0;
        }
    }
}
