package dev.limiter.cli.limits;

import dev.limiter.cli.ExitCode;
import dev.limiter.cli.options.GlobalOptions;
import dev.limiter.cli.output.JsonOutput;
import dev.limiter.cli.output.Terminal;
import dev.limiter.provision.LimitsManifest;
import dev.limiter.provision.LimitsProvisioning;
import dev.limiter.provision.ManifestCheck;
import dev.limiter.provision.ManifestProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code limiter limits validate -f FILE}: parses and lints a limits file without touching AWS, printing every
 * problem as {@code file:line:column: severity: message}. Errors fail; warnings fail only with {@code --strict}.
 */
@Command(
        name = "validate",
        description = {
            "Checks a limits file offline and lists every problem with its position.",
            "%nChecks a limits file offline: YAML syntax, unknown fields (with did-you-mean), duplicate keys, "
                + "identifiers, limit forms, parent cycles and unknown parents, hierarchy depth, and warns about "
                + "limits no request could exceed (a burst below the rate, a child above its cascading parent).",
            "%nEvery problem is printed as file:line:column: severity: message.%n"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  limiter limits validate -f limits.yaml",
            "  limiter limits validate -f limits.yaml --strict   warnings fail too",
            "  limiter limits validate -f limits.yaml --output json"
        })
final class ValidateCommand implements Callable<Integer> {

    @Mixin(name = GlobalOptions.MIXIN_NAME)
    private GlobalOptions globals;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The limits file (YAML).")
    private Path file;

    @Option(names = "--strict", description = "Fail (exit 1) on warnings too.")
    private boolean strict;

    @Override
    public Integer call() {
        LimitsFile limits = LimitsFile.read(file);
        ManifestCheck check = LimitsProvisioning.check(limits.text(), limits.name(), Session.MAX_DEPTH);
        List<ManifestProblem> problems = check.problems();
        long errors = check.errors();
        long warnings = problems.size() - errors;
        boolean valid = errors == 0 && (!strict || warnings == 0);
        Terminal terminal = globals.terminal();
        if (globals.json()) {
            JsonOutput.print(terminal, document(limits, valid, problems));
        } else {
            problems.forEach(problem -> terminal.out().println(problem));
            terminal.out().println(summary(limits, errors, warnings, check.manifest()));
        }
        return valid ? ExitCode.OK : ExitCode.ERROR;
    }

    private static String summary(LimitsFile limits, long errors, long warnings, Optional<LimitsManifest> manifest) {
        String counts = plural(errors, "error") + ", " + plural(warnings, "warning");
        if (errors > 0) {
            return limits.name() + ": invalid (" + counts + ")";
        }
        LimitsManifest parsed = manifest.orElseThrow();
        return limits.name() + ": valid (" + counts + "): namespace '" + parsed.namespace() + "', "
                + plural(parsed.entities().size(), "entity") + ", " + plural(parsed.configs().size(),
                "limit configuration") + (parsed.onUnavailable().isPresent() ? ", on_unavailable set" : "");
    }

    private static Map<String, Object> document(LimitsFile limits, boolean valid, List<ManifestProblem> problems) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ManifestProblem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", problem.position().file());
            entry.put("line", problem.position().line());
            entry.put("column", problem.position().column());
            entry.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("message", problem.message());
            entries.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", limits.name());
        document.put("valid", valid);
        document.put("problems", entries);
        return document;
    }

    private static String plural(long count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        return count + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
