package org.outpost.benchmarks.freshness;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** The p50 and p95 of each delay over a group of articles, as the report's rows. */
final class FreshnessFigures {

    /** One group's figures; seconds, infinite where more than that share never arrived. */
    record Row(
            String group,
            int items,
            int neverSearchable,
            int neverAlerted,
            double pollingP50,
            double pollingP95,
            double servedToSearchableP50,
            double servedToSearchableP95,
            double servedToAlertP50,
            double servedToAlertP95,
            double toSearchableP50,
            double toSearchableP95,
            double toAlertP50,
            double toAlertP95) {

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %d | %s / %s | %s / %s | %s / %s | **%s / %s** | **%s / %s** | %d / %d |",
                    group,
                    items,
                    minutes(pollingP50),
                    minutes(pollingP95),
                    secondsText(servedToSearchableP50),
                    secondsText(servedToSearchableP95),
                    secondsText(servedToAlertP50),
                    secondsText(servedToAlertP95),
                    minutes(toSearchableP50),
                    minutes(toSearchableP95),
                    minutes(toAlertP50),
                    minutes(toAlertP95),
                    neverSearchable,
                    neverAlerted);
        }

        static String header() {
            return "| sources | articles | publication→feed served (poll wait, ×k) p50 / p95 min"
                    + " | served→searchable (unscaled) p50 / p95 s | served→webhook (unscaled) p50 / p95 s"
                    + " | publication→searchable p50 / p95 min | publication→webhook p50 / p95 min"
                    + " | never searchable / never alerted |\n|---|---|---|---|---|---|---|---|";
        }
    }

    private FreshnessFigures() {}

    static Row row(String group, List<ItemTimes> all, Predicate<ItemTimes> which, TimeCompression time) {
        List<ItemTimes> items = all.stream().filter(which).toList();
        return new Row(
                group,
                items.size(),
                (int) items.stream().filter(i -> i.searchable() == null).count(),
                (int) items.stream().filter(i -> i.alerted() == null).count(),
                p(items, 0.5, i -> i.pollingSeconds(time)),
                p(items, 0.95, i -> i.pollingSeconds(time)),
                p(items, 0.5, ItemTimes::servedToSearchableSeconds),
                p(items, 0.95, ItemTimes::servedToSearchableSeconds),
                p(items, 0.5, ItemTimes::servedToAlertSeconds),
                p(items, 0.95, ItemTimes::servedToAlertSeconds),
                p(items, 0.5, i -> i.publicationToSearchableSeconds(time)),
                p(items, 0.95, i -> i.publicationToSearchableSeconds(time)),
                p(items, 0.5, i -> i.publicationToAlertSeconds(time)),
                p(items, 0.95, i -> i.publicationToAlertSeconds(time)));
    }

    private static double p(List<ItemTimes> items, double q, ToDoubleFunction<ItemTimes> delay) {
        return Percentiles.at(items.stream().map(i -> delay.applyAsDouble(i)).toList(), q);
    }

    static String minutes(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        return Double.isInfinite(seconds) ? "never" : String.format(Locale.ROOT, "%.1f", seconds / 60);
    }

    static String secondsText(double seconds) {
        if (Double.isNaN(seconds)) {
            return "–";
        }
        return Double.isInfinite(seconds) ? "never" : String.format(Locale.ROOT, "%.1f", seconds);
    }
}
