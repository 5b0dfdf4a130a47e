package org.outpost.dashboard.corpus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.outpost.core.article.Article;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.BulkReport;
import org.outpost.seeds.SampleCorpus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports the sample corpus on the first start. The import is recorded with the corpus version,
 * so later starts do nothing; and article ids are stable, so even a repeated import leaves one
 * document per article.
 */
@Component
@Order(10)
class SampleCorpusImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleCorpusImport.class);
    /** Raised when what an import stores changes: 2 = articles carry topic scores and entities. */
    private static final int IMPORT_FORMAT = 2;

    private final ArticleIndex index;
    private final JdbcTemplate jdbc;
    private final SeedsProperties properties;
    private final ClassifierService classifiers;

    SampleCorpusImport(ArticleIndex index, JdbcTemplate jdbc, SeedsProperties properties,
            ClassifierService classifiers) {
        this.index = index;
        this.jdbc = jdbc;
        this.properties = properties;
        this.classifiers = classifiers;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.importOnStart()) {
            importIfNew();
        }
    }

    /** @return the number of articles imported, 0 when this corpus version was imported before */
    int importIfNew() {
        SampleCorpus corpus = SampleCorpus.load();
        // the import format is part of the version: articles imported before they were classified are imported again
        String version = corpus.version() + "-" + IMPORT_FORMAT;
        Integer done = jdbc.queryForObject("select count(*) from corpus_import where corpus_version = ?", Integer.class,
                version);
        if (done != null && done > 0) {
            log.info("Sample corpus {} already imported", version);
            return 0;
        }
        List<Article> articles = new SampleArticles(classifiers.current()).from(corpus, Instant.now());
        BulkReport report = index.index(articles);
        if (!report.allOk()) {
            throw new IllegalStateException("Sample corpus import failed for " + report.failures().size()
                    + " articles, first: " + report.failures().getFirst());
        }
        index.refresh();
        jdbc.update("insert into corpus_import (corpus_version, imported_at, articles) values (?, ?, ?)",
                version, Timestamp.from(Instant.now()), articles.size());
        log.info("Imported the sample corpus {}: {} articles from {} pages", version, articles.size(),
                corpus.documents().size());
        return articles.size();
    }
}
