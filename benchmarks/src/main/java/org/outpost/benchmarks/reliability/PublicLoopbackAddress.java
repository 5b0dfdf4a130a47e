package org.outpost.benchmarks.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.outpost.core.net.PublicAddresses;

/**
 * A publicly routable address (default 11.22.33.44, {@code OUTPOST_HOSTILE_PUBLIC_ADDRESS})
 * added to the loopback interface for the length of a drill ({@code ip addr add}, so root), so
 * the drill's webhook receivers and trap sites can sit where the app's address policy lets a
 * user's webhook or source reach — while the app runs with that policy in force, as in
 * production, and every spelling of loopback stays refused. Nothing outside the machine is
 * involved: traffic to the address never leaves it. When the address cannot be added, {@link
 * #address()} is null and the drill says so.
 */
final class PublicLoopbackAddress implements AutoCloseable {

    private final String address;
    private final boolean added;
    private final String problem;

    private PublicLoopbackAddress(String address, boolean added, String problem) {
        this.address = address;
        this.added = added;
        this.problem = problem;
    }

    static PublicLoopbackAddress add() {
        String wanted = System.getenv().getOrDefault("OUTPOST_HOSTILE_PUBLIC_ADDRESS", "11.22.33.44");
        try {
            String kind = PublicAddresses.nonPublicKind(InetAddress.getByName(wanted));
            if (kind != null) {
                return new PublicLoopbackAddress(null, false, wanted + " is " + kind + ", not public");
            }
            if (bindable(wanted)) { // already there (a run before was killed, or an operator added it)
                return new PublicLoopbackAddress(wanted, false, null);
            }
            String out = ip("addr", "add", wanted + "/32", "dev", "lo");
            if (!bindable(wanted)) {
                return new PublicLoopbackAddress(null, false, "`ip addr add " + wanted + "/32 dev lo` failed: " + out);
            }
            return new PublicLoopbackAddress(wanted, true, null);
        } catch (IOException e) {
            return new PublicLoopbackAddress(null, false, e.toString());
        }
    }

    /** The address, or null when it could not be added. */
    String address() {
        return address;
    }

    String problem() {
        return problem;
    }

    private static boolean bindable(String address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String ip(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "timed out";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip() + " (exit "
                    + p.exitValue() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void close() {
        if (added) {
            try {
                ip("addr", "del", address + "/32", "dev", "lo");
            } catch (IOException e) {
                System.out.println("hostile-tenant: could not remove " + address + " from lo: " + e);
            }
        }
    }
}
