package org.outpost.dashboard.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outpost.core.index.ArticleIndex;
import org.outpost.dashboard.OutpostAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SampleCorpusImportTest extends OutpostAppTest {

    @Autowired
    SampleCorpusImport sampleCorpusImport;
    @Autowired
    ArticleIndex index;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstStartImportedTheCorpusAndLaterStartsDoNothing() {
        long imported = index.count();
        assertThat(imported).isGreaterThanOrEqualTo(13);
        assertThat(jdbc.queryForObject("select count(*) from corpus_import", Integer.class)).isEqualTo(1);

        assertThat(sampleCorpusImport.importIfNew()).isZero();

        assertThat(index.count()).isEqualTo(imported);
        assertThat(jdbc.queryForObject("select count(*) from corpus_import", Integer.class)).isEqualTo(1);
    }

    @Test
    void importingAgainAfterLosingTheRecordStillLeavesOneDocumentPerArticle() {
        long before = index.count();
        jdbc.update("delete from corpus_import");

        int reimported = sampleCorpusImport.importIfNew();

        assertThat(reimported).isEqualTo(before);
        assertThat(index.count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select articles from corpus_import", Integer.class)).isEqualTo(reimported);
    }
}
