package org.outpost.dashboard.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The documents of the sample corpus, as the seeds module ships them on the class path: the five scraped pages and
 * the eight regional briefs written for the corpus.
 */
final class SeedPages {

    static final String INTERVIEW = "000_6da0f0a4ec671a17.txt";
    static final String INTERPOL = "001_44254890a76b7be7.txt";
    static final String MONITOR = "002_d3f64fa72d123178.txt";
    static final String DIGEST = "003_2f1cc9784568ef55.txt";
    static final String CARICC = "004_8d7a61c720118393.txt";
    /** The five scraped pages. */
    static final List<String> ALL_SEEDS = List.of(INTERVIEW, INTERPOL, MONITOR, DIGEST, CARICC);

    static final String VORUKH_CLASHES_2021 = "005_122862297ed9c3b6.txt";
    static final String BATKEN_FIGHTING_2022 = "006_e3a2adf80ba661e6.txt";
    static final String KHOROG_PROTEST_2021 = "007_e4a7ecdd39430142.txt";
    static final String PANJ_SMUGGLING_2025 = "008_ee54ef8c61db49e1.txt";
    static final String BORDER_TREATY_2025_RU = "009_94f5c6a3a22e02b0.txt";
    static final String KHOROG_OPERATION_2022_RU = "010_3dfc9bf39a5e90fb.txt";
    static final String CEASEFIRE_2022_RU = "011_413f56a1022aefac.txt";
    static final String PANJ_SMUGGLING_2026_RU = "012_cf7fdfb078388df0.txt";
    /** The eight regional briefs, four in English and four in Russian. */
    static final List<String> BRIEFS = List.of(
            VORUKH_CLASHES_2021,
            BATKEN_FIGHTING_2022,
            KHOROG_PROTEST_2021,
            PANJ_SMUGGLING_2025,
            BORDER_TREATY_2025_RU,
            KHOROG_OPERATION_2022_RU,
            CEASEFIRE_2022_RU,
            PANJ_SMUGGLING_2026_RU);

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
