package org.outpost.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleCorpusTest {

    @Test
    void manifestListsEveryPageWithSourceAndLanguage() {
        SampleCorpus corpus = SampleCorpus.load();

        assertThat(corpus.documents()).hasSize(5);
        assertThat(corpus.documents()).allSatisfy(d -> {
            assertThat(d.source()).isNotBlank();
            assertThat(d.language()).isEqualTo("en");
            assertThat(d.text()).hasSizeGreaterThan(1000);
        });
        assertThat(corpus.documents()).extracting(SampleDocument::source).contains("Caravanserai", "CARICC");
    }

    @Test
    void versionIsStableForTheSameContent() {
        assertThat(SampleCorpus.load().version())
                .isEqualTo(SampleCorpus.load().version())
                .hasSize(16);
    }
}
