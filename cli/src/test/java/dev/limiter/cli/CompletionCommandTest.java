package dev.limiter.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {

    @Test
    void completion_printsABashScriptCoveringNestedCommandsAndOptions() {
        CliRun run = CliRun.of("completion");

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_limiter", "limits", "validate", "--detailed-exitcode",
                        "--auto-approve", "--endpoint-url");
    }
}
