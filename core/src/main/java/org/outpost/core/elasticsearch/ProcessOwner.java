package org.outpost.core.elasticsearch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Who the node process runs as. Elasticsearch refuses to run as root ("can not run
 * elasticsearch as root"), so when we are root the node runs as an unprivileged user through
 * {@code setpriv}, and everything it touches must belong to that user.
 */
final class ProcessOwner {

    private final boolean root;
    private final String user;
    private final int uid;
    private final int gid;

    private ProcessOwner(boolean root, String user, int uid, int gid) {
        this.root = root;
        this.user = user;
        this.uid = uid;
        this.gid = gid;
    }

    static ProcessOwner forCurrentProcess(String unprivilegedUser) {
        int myUid = currentUid();
        if (myUid != 0) {
            return new ProcessOwner(false, System.getProperty("user.name"), myUid, -1);
        }
        int userUid = idOf(unprivilegedUser, "-u");
        int userGid = idOf(unprivilegedUser, "-g");
        return new ProcessOwner(true, unprivilegedUser, userUid, userGid);
    }

    boolean switchesUser() {
        return root;
    }

    String user() {
        return user;
    }

    /** The command prefix that starts a program as the node's user and ties its life to this JVM. */
    List<String> commandPrefix() {
        if (!root) {
            return List.of();
        }
        // pdeathsig: if this JVM dies (kill -9), the node is told to stop instead of being orphaned
        return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--pdeathsig", "TERM", "--");
    }

    /** Hands the folder tree to the node's user; nothing to do when we are not root. */
    void own(Path dir) throws IOException {
        if (!root) {
            return;
        }
        UserPrincipal owner =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, owner);
            }
        }
    }

    /**
     * The first folder on the way to {@code dir} that the node's user cannot enter, or null when
     * it can reach it (for example a checkout under /root, which is mode 700).
     */
    @Nullable
    Path firstUnreachableAncestor(Path dir) throws IOException {
        if (!root) {
            return null;
        }
        List<Path> chain = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            chain.addFirst(p);
        }
        for (Path p : chain) {
            if (!Files.exists(p)) {
                return null; // we create the rest ourselves, with the right owner
            }
            PosixFileAttributes attrs = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attrs.isSymbolicLink()) {
                continue;
            }
            boolean owned = attrs.owner().getName().equals(user);
            boolean canEnter = owned
                    ? attrs.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
                    : attrs.permissions().contains(PosixFilePermission.OTHERS_EXECUTE);
            if (!canEnter) {
                return p;
            }
        }
        return null;
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    private static int idOf(String user, String flag) {
        try {
            Process p = new ProcessBuilder("id", flag, user)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0) {
                throw new NodeStartException("Elasticsearch cannot run as root and the user '" + user
                        + "' to run it as does not exist (" + out + "). Create it (useradd --system " + user
                        + ") or set outpost.elasticsearch.embedded.run-as-user.");
            }
            return Integer.parseInt(out);
        } catch (IOException e) {
            throw new NodeStartException("Could not look up user '" + user + "' with the id command", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeStartException("Interrupted while looking up user '" + user + "'", e);
        }
    }
}
