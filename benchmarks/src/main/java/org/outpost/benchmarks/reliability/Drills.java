package org.outpost.benchmarks.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.Folders;

/**
 * Runs the fault drills against the real app jar and writes a Markdown report
 * ({@code target/reliability/report.md}); exits 1 when any check fails. Usage:
 * {@code Drills [all | name...]}. Run through {@code build/reliability.sh}, which builds first.
 */
public final class Drills {

    private Drills() {}

    static Map<String, Drill> all() {
        Map<String, Drill> drills = new LinkedHashMap<>();
        for (Drill d : List.<Drill>of(
                // drills register here, in the order "all" runs them
                new KillCrawlDrill(),
                new KillDeliveryDrill(),
                new ElasticsearchKillDrill(),
                new SmtpDownDrill(),
                new HostileInputsDrill(),
                new FullDiskDrill(),
                new HostileTenantDrill(),
                new ScaleOutDrill(), // two instances, PostgreSQL, a 3-node cluster: about 15 min
                new SoakDrill() // an hour (OUTPOST_SOAK_MINUTES): last
                )) {
            drills.put(d.name(), d);
        }
        return drills;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Drill> known = all();
        List<Drill> chosen = new ArrayList<>();
        if (args.length == 0 || args[0].equals("all")) {
            chosen.addAll(known.values());
        } else {
            for (String name : args) {
                Drill d = known.get(name);
                if (d == null) {
                    System.err.println("Unknown drill '" + name + "'. Known: " + known.keySet());
                    System.exit(2);
                }
                chosen.add(d);
            }
        }
        Path work = Path.of(System.getenv().getOrDefault("OUTPOST_DRILL_DIR", "/tmp/outpost-drills"));
        Path reportDir = Path.of("target", "reliability");
        Files.createDirectories(reportDir);
        boolean allPassed = true;
        StringBuilder report = new StringBuilder("## Drill results, " + Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "\n\n");
        for (Drill drill : chosen) {
            Path dir = work.resolve(drill.name());
            Folders.deleteTree(dir);
            Files.createDirectories(dir);
            System.out.println("== drill " + drill.name() + " (work in " + dir + ")");
            Instant start = Instant.now();
            DrillResult result;
            try {
                result = drill.run(dir);
            } catch (Exception | AssertionError e) {
                result = new DrillResult(drill.name(), "The drill itself failed.")
                        .check("drill ran to the end", "yes", e.toString().replace('|', '/'), false);
                e.printStackTrace();
            }
            result.took(Duration.between(start, Instant.now()));
            allPassed &= result.passed();
            String section = result.markdown();
            System.out.println(section);
            Files.writeString(reportDir.resolve(drill.name() + ".md"), section);
            report.append(section).append('\n');
        }
        Files.writeString(reportDir.resolve("report.md"), report);
        System.out.println("Report: " + reportDir.resolve("report.md").toAbsolutePath());
        System.exit(allPassed ? 0 : 1);
    }
}
