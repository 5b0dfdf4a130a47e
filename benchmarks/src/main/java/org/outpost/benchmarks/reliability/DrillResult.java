package org.outpost.benchmarks.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a drill did and found: each check with what was expected and what was measured, so the
 * report shows numbers rather than a bare pass.
 */
final class DrillResult {

    record Check(String what, String expected, String measured, boolean holds) {}

    private final String drill;
    private final String fault;
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Duration took = Duration.ZERO;

    DrillResult(String drill, String fault) {
        this.drill = drill;
        this.fault = fault;
    }

    DrillResult check(String what, Object expected, Object measured, boolean holds) {
        checks.add(new Check(what, String.valueOf(expected), String.valueOf(measured), holds));
        return this;
    }

    /** The common case: measured must equal expected. */
    DrillResult checkEqual(String what, Object expected, Object measured) {
        return check(what, expected, measured, expected.equals(measured));
    }

    DrillResult note(String text) {
        notes.add(text);
        return this;
    }

    DrillResult took(Duration value) {
        took = value;
        return this;
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::holds);
    }

    String drill() {
        return drill;
    }

    /** A Markdown section: the fault, a table of checks, notes. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ")
                .append(drill)
                .append(" — ")
                .append(passed() ? "PASS" : "FAIL")
                .append(" (")
                .append(took.toSeconds())
                .append(" s)\n\n")
                .append(fault)
                .append("\n\n");
        out.append("| check | expected | measured | holds |\n|---|---|---|---|\n");
        for (Check c : checks) {
            out.append("| ")
                    .append(c.what())
                    .append(" | ")
                    .append(c.expected())
                    .append(" | ")
                    .append(c.measured())
                    .append(" | ")
                    .append(c.holds() ? "yes" : "**no**")
                    .append(" |\n");
        }
        for (String n : notes) {
            out.append("\n").append(n).append("\n");
        }
        return out.toString();
    }
}
