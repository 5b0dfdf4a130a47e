package org.outpost.benchmarks.reliability;

import java.nio.file.Path;

/** One fault drill: sets up the app and its fixtures in {@code workDir}, injects the fault, checks what survived. */
interface Drill {

    /** Short name used on the command line and in the report. */
    String name();

    DrillResult run(Path workDir) throws Exception;
}
