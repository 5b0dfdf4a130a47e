package org.outpost.dashboard.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The five scraped pages of the sample corpus, as the seeds module ships them on the class path. */
final class SeedPages {

    static final String INTERVIEW = "000_6da0f0a4ec671a17.txt";
    static final String INTERPOL = "001_44254890a76b7be7.txt";
    static final String MONITOR = "002_d3f64fa72d123178.txt";
    static final String DIGEST = "003_2f1cc9784568ef55.txt";
    static final String CARICC = "004_8d7a61c720118393.txt";
    static final List<String> ALL_SEEDS = List.of(INTERVIEW, INTERPOL, MONITOR, DIGEST, CARICC);

    private SeedPages() {}

    static String read(String fileName) {
        String resource = "/org/outpost/seeds/corpus/" + fileName;
        try (InputStream in = SeedPages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("seed page not on the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
