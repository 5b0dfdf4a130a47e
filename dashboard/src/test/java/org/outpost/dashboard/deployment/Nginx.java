package org.outpost.dashboard.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, run on a site config the way the image's nginx.conf includes it (inside
 * {@code http}), with its pid, logs and temporary files in a folder of the test's own.
 * build/ensure-nginx.sh installs it; ./outpost test runs that first.
 */
final class Nginx {

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"));

    /** The outcome of {@code nginx -t}. */
    record Verdict(int exitCode, String output) {}

    private final Path folder;

    /** Writes a main config around {@code site} into {@code folder}. */
    Nginx(Path folder, String site) throws IOException {
        this.folder = folder;
        Files.writeString(folder.resolve("site.conf"), site);
        Files.writeString(folder.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    access_log off;
                    include %1$s/site.conf;
                }
                """.formatted(folder));
    }

    /** The nginx binary; fails (never skips) when it is missing. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "nginx");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return CANDIDATES.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError("nginx is missing, and the reverse-proxy config of the compose"
                        + " stack cannot be checked: run build/ensure-nginx.sh (apt-get install nginx); ./outpost test"
                        + " does it itself"));
    }

    Verdict test() {
        try {
            Process process =
                    new ProcessBuilder(command("-t")).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("nginx -t did not finish");
            }
            return new Verdict(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs the server in the foreground of a child process; close the process to stop it. */
    Process start() throws IOException {
        return new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("console.log").toFile())
                .start();
    }

    String errorLog() throws IOException {
        Path log = folder.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private List<String> command(String... extra) {
        List<String> command = new java.util.ArrayList<>(List.of(
                binary().toString(),
                "-p",
                folder.toString(),
                "-c",
                folder.resolve("nginx.conf").toString(),
                "-e",
                folder.resolve("error.log").toString()));
        command.addAll(Arrays.asList(extra));
        return command;
    }
}
