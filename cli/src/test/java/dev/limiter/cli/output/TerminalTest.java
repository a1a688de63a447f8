package dev.limiter.cli.output;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: colors only where a terminal can show them. */
class TerminalTest {

    @Test
    void colors_interactiveWithNothingSet_areOn() {
        assertThat(Terminal.colors(true, false, Map.<String, String>of()::get)).isTrue();
    }

    @Test
    void colors_termDumb_areOff() {
        assertThat(Terminal.colors(true, false, Map.of("TERM", "dumb")::get)).isFalse();
    }

    @Test
    void colors_noColorSet_areOff() {
        assertThat(Terminal.colors(true, false, Map.of("NO_COLOR", "1")::get)).isFalse();
    }

    @Test
    void colors_emptyNoColor_doesNotCount() {
        assertThat(Terminal.colors(true, false, Map.of("NO_COLOR", "", "TERM", "xterm-256color")::get)).isTrue();
    }

    @Test
    void colors_notInteractiveOrNoColorOption_areOff() {
        assertThat(Terminal.colors(false, false, Map.<String, String>of()::get)).isFalse();
        assertThat(Terminal.colors(true, true, Map.<String, String>of()::get)).isFalse();
    }
}
