package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.Environment;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.ManifestException;
import dev.limiter.provision.ManifestFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code limiter limits fmt [--check] FILE...}: rewrites limits files in their canonical form (the form
 * {@code export} writes), or with {@code --check} only lists the files that are not, for CI. Offline.
 */
@Command(
        name = "fmt",
        description = {
            "Rewrites limits files in canonical form; --check lists those that are not.",
            "%nParses each FILE and writes it back the way export writes files: sections, resources, entities and "
                + "limits sorted, limits in flow style, durations in their shortest unit, quotes only where YAML "
                + "needs them. The meaning never changes: the result parses into the same limits. Prints the name "
                + "of every file it rewrote. FILE '-' reads standard input and writes the result to standard output.",
            "%nWith --check nothing is written: the files that would change are listed and the exit code is 2 "
                + "when there is any (0 when all are canonical, 1 on an invalid file).",
            "%nA file with comments is refused (fmt rewrites from the content and would drop them): each comment "
                + "is reported with its line.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits fmt limits.yaml",
            "  limiter limits fmt --check limits/*.yaml   in CI: 2 if one is not canonical",
            "  limiter limits fmt - < limits.yaml > canonical.yaml"
        })
final class FmtCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Spec
    private CommandSpec spec;

    @Option(names = "--check", description = "Write nothing; list the files that are not canonical and exit 2 "
            + "if there is any.")
    private boolean check;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Limits files to format; '-' for standard input.")
    private List<String> files;

    @Override
    public Integer call() {
        Terminal terminal = globals.terminal();
        List<Map<String, Object>> results = new ArrayList<>();
        boolean failed = false;
        boolean changes = false;
        for (String file : files) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file);
            try {
                boolean changed = format(file, terminal);
                changes |= changed;
                result.put("changed", changed);
                result.put("written", changed && !check && !file.equals("-"));
                if (changed && !file.equals("-") && !globals.json()) {
                    terminal.out().println(file);
                }
            } catch (ManifestException invalid) {
                failed = true;
                invalid.problems().forEach(problem -> terminal.err().println(problem));
                result.put("error", "invalid: " + invalid.problems().size() + " problem(s), file left unchanged");
            }
            results.add(result);
        }
        if (globals.json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("check", check);
            document.put("files", results);
            JsonOutput.print(terminal, document);
        }
        terminal.out().flush();
        return failed ? ExitCode.ERROR : check && changes ? ExitCode.CHANGES : ExitCode.OK;
    }

    /** Formats one file (or standard input); returns whether its canonical form differs. */
    private boolean format(String file, Terminal terminal) {
        boolean stdin = file.equals("-");
        String text = stdin ? readStdin() : LimitsFile.read(Path.of(file)).text();
        ManifestFormatter.Formatted formatted = ManifestFormatter.format(text, stdin ? "<stdin>" : file);
        if (stdin && !check && !globals.json()) {
            terminal.out().print(formatted.text());
        } else if (!stdin && !check && formatted.changed()) {
            write(Path.of(file), formatted.text());
        }
        return formatted.changed();
    }

    private String readStdin() {
        try {
            return new String(Environment.of(spec).stdin().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
    }

    private static void write(Path path, String text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write limits file " + path + ": " + e.getMessage(), e);
        }
    }
}
