package dev.limiter.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    private final StringWriter out = new StringWriter();

    @Test
    void show_onTerminal_rewritesOneLineWithCarriageReturns() {
        ProgressLine line = new ProgressLine(terminal(true));

        line.show("granted 10");
        line.show("granted 9");
        line.finish();

        assertThat(out.toString()).isEqualTo("\rgranted 10\rgranted 9 " + System.lineSeparator());
    }

    @Test
    void show_notOnTerminal_printsOneLinePerUpdate() {
        ProgressLine line = new ProgressLine(terminal(false));

        line.show("granted 10");
        line.show("granted 11");
        line.finish();

        assertThat(out.toString()).isEqualTo("granted 10" + System.lineSeparator() + "granted 11"
                + System.lineSeparator());
    }

    private Terminal terminal(boolean interactive) {
        PrintWriter writer = new PrintWriter(out, true);
        return Terminal.of(writer, writer, interactive, false);
    }
}
