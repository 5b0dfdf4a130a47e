package org.outpost.dashboard.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the checkout the dashboard module's tests run in (Surefire starts them in the module folder). */
final class RepositoryFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private RepositoryFiles() {}

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
