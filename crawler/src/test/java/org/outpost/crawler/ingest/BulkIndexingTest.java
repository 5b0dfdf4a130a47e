package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.crawler.ingest.IngestTestIndex.article;
import static org.outpost.crawler.ingest.IngestTestIndex.story;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;

class BulkIndexingTest {

    private final ArticleIndex index = IngestTestIndex.fresh();
    private final BulkIndexing indexing = new BulkIndexing(index);

    @Test
    void writesABatchInOneRequestAndTellsEachArticlesResultInOrder() {
        Article one = article("https://a.example/one", "Heroin seized", story("heroin"));
        Article two = article("https://a.example/two", "Weapons found", story("a cache of weapons"));

        List<BulkIndexing.Written> written = indexing.index(List.of(one, two));

        assertThat(written).extracting(w -> w.article().id()).containsExactly(one.id(), two.id());
        assertThat(written).allMatch(BulkIndexing.Written::ok);
        index.refresh();
        assertThat(index.fingerprints(List.of(one.id(), two.id()))).containsOnlyKeys(one.id(), two.id());
    }

    @Test
    void anEmptyBatchSendsNothing() {
        assertThat(indexing.index(List.of())).isEmpty();
    }
}
