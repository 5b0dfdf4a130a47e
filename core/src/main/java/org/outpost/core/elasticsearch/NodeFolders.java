package org.outpost.core.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's folders: the unpacked distribution ({@code home}), a writable {@code config}, and
 * {@code data} and {@code logs}, all under one root that the node's user can reach; and
 * {@code snapshots}, the node's {@code path.repo}, where file-system snapshot repositories may live.
 */
final class NodeFolders {

    private static final Logger log = LoggerFactory.getLogger(NodeFolders.class);
    private static final String INSTALLED_MARKER = ".outpost-installed";
    /** Where the node's files go when the configured folder lies behind a folder its user cannot enter. */
    static final Path FALLBACK_PARENT = Path.of("/var/lib/outpost");

    final Path root;
    final Path home;
    final Path config;
    final Path data;
    final Path logs;
    final Path snapshots;

    private NodeFolders(Path root, String version) {
        this.root = root;
        this.home = root.resolve("home-" + version);
        this.config = root.resolve("config");
        this.data = root.resolve("data");
        this.logs = root.resolve("logs");
        this.snapshots = root.resolve("snapshots");
    }

    /**
     * Prepares the folders under {@code requested}; when we are root and the node's user cannot
     * reach it, uses a folder under /var/lib/outpost instead and leaves a link at {@code requested}.
     */
    static NodeFolders prepare(Path requested, Path distribution, String version, ProcessOwner owner)
            throws IOException {
        Path root = reachableRoot(requested.toAbsolutePath().normalize(), owner);
        NodeFolders folders = new NodeFolders(root, version);
        Files.createDirectories(root);
        folders.install(distribution);
        Files.createDirectories(folders.data);
        Files.createDirectories(folders.logs);
        Files.createDirectories(folders.snapshots);
        folders.copyDefaultConfig();
        owner.own(root);
        return folders;
    }

    private static Path reachableRoot(Path requested, ProcessOwner owner) throws IOException {
        Path blocked = owner.firstUnreachableAncestor(requested);
        if (blocked == null) {
            return requested;
        }
        if (Files.isSymbolicLink(requested)) {
            return requested.toRealPath();
        }
        Path fallback = FALLBACK_PARENT.resolve("elasticsearch-" + shortHash(requested.toString()));
        if (owner.firstUnreachableAncestor(fallback) != null) {
            throw new NodeStartException(
                    "Elasticsearch runs as user '" + owner.user() + "' (it refuses root), which cannot enter " + blocked
                            + ", nor " + FALLBACK_PARENT + ". Set OUTPOST_DATA_DIR to a folder that user can reach.");
        }
        log.warn(
                "Elasticsearch runs as user '{}' (it refuses root), which cannot enter {}; "
                        + "its files go to {} and {} links there",
                owner.user(),
                blocked,
                fallback,
                requested);
        Files.createDirectories(fallback);
        Files.createDirectories(requested.getParent());
        if (!Files.exists(requested, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(requested, fallback);
        }
        return fallback;
    }

    private void install(Path distribution) throws IOException {
        if (Files.exists(home.resolve(INSTALLED_MARKER))) {
            return;
        }
        log.info("Unpacking {} into {}", distribution.getFileName(), home);
        Path staging = Files.createTempDirectory(root, "unpack-");
        try (InputStream in = Files.newInputStream(distribution);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target =
                        staging.resolve(stripFirstSegment(entry.getName())).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("Refusing zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getParent().getFileName().toString().equals("bin")
                            || target.toString().contains("/platform/")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
        Files.writeString(staging.resolve(INSTALLED_MARKER), distribution.toString());
        deleteRecursively(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private void copyDefaultConfig() throws IOException {
        Files.createDirectories(config);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("config"))) {
            for (Path file : files) {
                Path target = config.resolve(file.getFileName());
                if (Files.isRegularFile(file) && !Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
        Files.createDirectories(config.resolve("jvm.options.d"));
    }

    private static String stripFirstSegment(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
