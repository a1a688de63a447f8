package dev.limiter.localstack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Looks up executables the way a shell does, so a missing one gets a clear message before any launch. */
final class Executables {

    private Executables() {
    }

    /**
     * Returns the executable file for a name: the path itself when the name contains a separator, otherwise
     * the first match on {@code PATH}.
     */
    static Optional<Path> find(String name) {
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = System.getenv("PATH");
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
