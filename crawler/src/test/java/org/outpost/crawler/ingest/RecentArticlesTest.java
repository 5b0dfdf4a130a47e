package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleFingerprint;

class RecentArticlesTest {

    @Test
    void findsTheEarliestArticleACopyRepeatsExactlyOrNearlyButNeverTheArticleItself() {
        RecentArticles recent = new RecentArticles(10);
        Article original = Stories.article("a", 1);
        Article copy = Stories.article("b", 1).withDuplicateOf(original.id());
        recent.register(original);
        recent.register(copy);

        assertThat(recent.originalOf(Stories.reworded("c", 1)))
                .map(ArticleFingerprint::id)
                .contains(original.id());
        assertThat(recent.originalOf(Stories.article("d", 2))).isEmpty();
        assertThat(recent.originalOf(original)).map(ArticleFingerprint::id).contains(copy.id());
        assertThat(recent.originalOf(original)).map(ArticleFingerprint::root).contains(original.id());
    }

    @Test
    void aWithdrawnArticleIsNoOnesOriginalButAnIndexedOneStays() {
        RecentArticles recent = new RecentArticles(10);
        Article refused = Stories.article("a", 1);
        recent.register(refused);
        recent.withdraw(refused.id());
        assertThat(recent.originalOf(Stories.article("b", 1))).isEmpty();

        Article indexed = Stories.article("c", 1);
        recent.register(indexed);
        recent.indexed(indexed, 0);
        recent.withdraw(indexed.id());
        assertThat(recent.originalOf(Stories.article("d", 1)))
                .map(ArticleFingerprint::id)
                .contains(indexed.id());
    }

    @Test
    void keepsIndexedArticlesBeyondItsCapacityUntilEveryLookupSeesThemAndPendingOnesUntilTheirWriteEnds() {
        RecentArticles recent = new RecentArticles(1);
        Article pending = Stories.article("a", 1);
        Article early = Stories.article("b", 2);
        Article late = Stories.article("c", 3);
        recent.register(pending);
        recent.register(early);
        recent.indexed(early, 100);
        recent.register(late);
        recent.indexed(late, 200);

        recent.evict(100); // a lookup that may have missed "early" is still undecided
        assertThat(recent.size()).isEqualTo(3);
        recent.evict(150);
        assertThat(recent.originalOf(Stories.article("x", 2))).isEmpty();
        assertThat(recent.originalOf(Stories.article("x", 3))).isPresent();
        recent.evict(1_000);
        assertThat(recent.size()).isEqualTo(1);
        assertThat(recent.originalOf(Stories.article("x", 1)))
                .map(ArticleFingerprint::id)
                .contains(pending.id());
    }

    @Test
    void anUpdatedArticleReportedIndexedWithoutBeingDecidedHereIsRemembered() {
        RecentArticles recent = new RecentArticles(10);
        Article updated = Stories.article("a", 1);
        recent.indexed(updated, 0);
        assertThat(recent.originalOf(Stories.article("b", 1)))
                .map(ArticleFingerprint::id)
                .contains(updated.id());
    }
}
