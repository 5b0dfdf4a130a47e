package org.outpost.benchmarks.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load, for the report: other work shares these two cores. */
final class Machine {

    private Machine() {}

    /** Load averages over 1, 5 and 15 minutes, as {@code uptime} prints them. */
    static String uptime() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + parts[0] + ", " + parts[1] + ", " + parts[2] + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
