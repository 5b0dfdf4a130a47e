package org.outpost.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleCorpusTest {

    private static final String BRIEFS = "Outpost regional briefs (written for the sample corpus)";

    @Test
    void manifestListsEveryDocumentWithSourceAndLanguage() {
        SampleCorpus corpus = SampleCorpus.load();

        assertThat(corpus.documents()).hasSize(13);
        assertThat(corpus.documents()).allSatisfy(d -> {
            assertThat(d.source()).isNotBlank();
            assertThat(d.language()).isIn("en", "ru");
            assertThat(d.text()).hasSizeGreaterThan(1000);
        });
        assertThat(corpus.documents()).extracting(SampleDocument::source).contains("Caravanserai", "CARICC");
        assertThat(corpus.documents()).extracting(SampleDocument::language).contains("en", "ru");
    }

    @Test
    void theScrapedPagesAreEnglishAndNameNoReports() {
        List<SampleDocument> scraped = SampleCorpus.load().documents().stream()
                .filter(d -> !d.source().equals(BRIEFS))
                .toList();

        assertThat(scraped).hasSize(5).allSatisfy(d -> {
            assertThat(d.language()).isEqualTo("en");
            assertThat(d.basedOn()).isEmpty();
        });
    }

    @Test
    void everyBriefIsShortSaysWhatItIsAndListsTheReportsItWasWrittenFrom() {
        List<SampleDocument> briefs = SampleCorpus.load().documents().stream()
                .filter(d -> d.source().equals(BRIEFS))
                .toList();

        assertThat(briefs).hasSize(8);
        assertThat(briefs).filteredOn(d -> d.language().equals("en")).hasSize(4);
        assertThat(briefs).filteredOn(d -> d.language().equals("ru")).hasSize(4);
        assertThat(briefs).allSatisfy(brief -> {
            // written for the corpus: no original address of its own
            assertThat(brief.url()).isNull();
            assertThat(brief.text().length()).isBetween(1200, 3000);
            assertThat(brief.basedOn())
                    .as("reports %s was written from", brief.file())
                    .isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("http"))
                    .doesNotHaveDuplicates();
        });
    }

    @Test
    void briefFileNamesCarryTheStartOfTheirTextsHash() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (SampleDocument brief : SampleCorpus.load().documents()) {
            if (brief.source().equals(BRIEFS)) {
                String hash =
                        HexFormat.of().formatHex(sha256.digest(brief.text().getBytes(StandardCharsets.UTF_8)));
                assertThat(brief.file()).matches("\\d{3}_" + hash.substring(0, 16) + "\\.txt");
            }
        }
    }

    @Test
    void versionIsStableForTheSameContent() {
        assertThat(SampleCorpus.load().version())
                .isEqualTo(SampleCorpus.load().version())
                .hasSize(16);
    }
}
