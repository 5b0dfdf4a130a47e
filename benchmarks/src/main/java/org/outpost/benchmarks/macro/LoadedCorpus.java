package org.outpost.benchmarks.macro;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.outpost.core.index.IndexPartition;

/**
 * The parameters of the generated corpus a benchmark node's data holds, kept beside that data: a run that resumes or
 * reuses a load must generate the same articles, or it would mix two corpora in one index (another size or span
 * dates article i differently, and its id would keep it in the month it was first loaded into).
 */
final class LoadedCorpus {

    private final Path file;
    private final Properties expected = new Properties();

    LoadedCorpus(Path benchDir, int articles, int days, IndexPartition partition) {
        this.file = benchDir.resolve("query-benchmark.properties");
        expected.setProperty("articles", Integer.toString(articles));
        expected.setProperty("days", Integer.toString(days));
        expected.setProperty("partition", partition.name());
    }

    /** Fails when the data kept was loaded from another corpus; none recorded is fine (a first load). */
    void checkMatches() {
        if (!Files.exists(file)) {
            return;
        }
        Properties found = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            found.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found.equals(expected)) {
            throw new IllegalStateException("The data under " + file.getParent() + " holds the corpus " + found
                    + ", not " + expected + ": run with the same parameters, or without OUTPOST_BENCH_REUSE_INDEX"
                    + " (which loads afresh), or with another OUTPOST_BENCH_DIR");
        }
    }

    /** Records the corpus the node's data is being loaded from. */
    void record() {
        try (Writer out = Files.newBufferedWriter(file)) {
            expected.store(out, "the generated corpus QueryBenchmark loaded into the node's data beside this file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
