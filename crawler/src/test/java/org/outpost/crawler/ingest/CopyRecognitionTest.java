package org.outpost.crawler.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.outpost.core.article.Article;
import org.outpost.core.elasticsearch.TestElasticsearch;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.CopyCandidates;

class CopyRecognitionTest {

    private final ArticleIndex index = new ArticleIndex(
            TestElasticsearch.connection().client(),
            "copies-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT));
    private final CopyCandidates candidates =
            new CopyCandidates(TestElasticsearch.connection().client(), index.alias());
    private final CopyRecognition recognition = new CopyRecognition(candidates);

    CopyRecognitionTest() {
        index.ensureExists();
    }

    @Test
    void aLaterArticleOfABatchCopiesAnEarlierOneOfTheSameBatch() {
        Article original = Stories.article("a", 1);
        Article exact = Stories.article("b", 1);
        Article near = Stories.reworded("c", 1);
        Article other = Stories.article("d", 2);

        try (CopyRecognition.Decisions decisions = recognition.recognise(List.of(original, exact, near, other))) {
            assertThat(decisions.originalOf(original)).isNull();
            assertThat(decisions.originalOf(exact)).isEqualTo(original.id());
            assertThat(decisions.originalOf(near)).isEqualTo(original.id());
            assertThat(decisions.originalOf(other)).isNull();
        }
    }

    @Test
    void aBatchDecidedWhileAnotherIsStillBeingWrittenSeesItsArticles() {
        Article first = Stories.article("a", 1);
        Article second = Stories.reworded("b", 1);
        try (CopyRecognition.Decisions writing = recognition.recognise(List.of(first));
                CopyRecognition.Decisions next = recognition.recognise(List.of(second))) {
            assertThat(writing.originalOf(first)).isNull();
            assertThat(next.originalOf(second)).isEqualTo(first.id());
        }
    }

    @Test
    void batchesDecidedAtTheSameMomentMakeOneStoryOfEachStory() throws Exception {
        int stories = 20;
        List<Article> siteA = new ArrayList<>();
        List<Article> siteB = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            siteA.add(Stories.article("a", s));
            siteB.add(s % 2 == 0 ? Stories.reworded("b", s) : Stories.article("b", s));
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CopyRecognition.Decisions> decided = new ArrayList<>();
        try (ExecutorService sites = Executors.newFixedThreadPool(2)) {
            List<Future<CopyRecognition.Decisions>> futures = new ArrayList<>();
            for (List<Article> batch : List.of(siteA, siteB)) {
                futures.add(sites.submit(() -> {
                    together.await();
                    return recognition.recognise(batch);
                }));
            }
            for (var f : futures) {
                decided.add(f.get());
            }
        }

        for (int s = 0; s < stories; s++) {
            String a = decided.get(0).originalOf(siteA.get(s));
            String b = decided.get(1).originalOf(siteB.get(s));
            // whichever batch was decided first holds the original
            assertThat(a == null ? b : a)
                    .isEqualTo(a == null ? siteA.get(s).id() : siteB.get(s).id());
            assertThat(a == null || b == null).isTrue();
        }
        decided.forEach(CopyRecognition.Decisions::close);
    }

    @Test
    void anArticleTheIndexRefusedIsNoOnesOriginal() {
        Article refused = Stories.article("a", 1);
        Article accepted = Stories.article("b", 2);
        try (CopyRecognition.Decisions decisions = recognition.recognise(List.of(refused, accepted))) {
            decisions.indexed(List.of(accepted));
        }

        try (CopyRecognition.Decisions later =
                recognition.recognise(List.of(Stories.article("c", 1), Stories.article("d", 2)))) {
            assertThat(later.originalOf(Stories.article("c", 1))).isNull();
            assertThat(later.originalOf(Stories.article("d", 2))).isEqualTo(accepted.id());
        }
    }

    @Test
    void afterARestartTheIndexFindsTheOriginalsTheRecentArticlesHeld() {
        Article original = Stories.article("a", 1);
        Article copy = Stories.reworded("b", 1).withDuplicateOf(original.id());
        index.index(List.of(original, copy));
        index.refresh();

        CopyRecognition restarted = new CopyRecognition(candidates);
        Article third = Stories.reworded("c", 1);
        try (CopyRecognition.Decisions decisions = restarted.recognise(List.of(third, Stories.article("d", 2)))) {
            assertThat(decisions.originalOf(third)).isEqualTo(original.id());
            assertThat(decisions.originalOf(Stories.article("d", 2))).isNull();
        }
    }

    @Test
    void anArticleWrittenAfterItsOwnCopyStaysTheOriginal() {
        Article original = Stories.article("a", 1);
        index.index(List.of(Stories.article("b", 1).withDuplicateOf(original.id())));
        index.refresh();

        try (CopyRecognition.Decisions decisions = new CopyRecognition(candidates).recognise(List.of(original))) {
            assertThat(decisions.originalOf(original)).isNull();
        }
    }

    @Test
    void keepsAnIndexedArticleUntilTheIndexCanShowItThenLeavesItToTheIndex() {
        AtomicLong now = new AtomicLong();
        CopyRecognition limited = new CopyRecognition(candidates, 1, Duration.ofNanos(10), now::get);
        Article original = Stories.article("a", 1); // never written to the index here: only remembered
        try (CopyRecognition.Decisions decisions = limited.recognise(List.of(original))) {
            decisions.indexed(List.of(original));
        }
        now.set(1);
        try (CopyRecognition.Decisions decisions = limited.recognise(List.of(Stories.article("b", 2)))) {
            decisions.indexed(List.of(Stories.article("b", 2)));
        }

        now.set(5);
        try (CopyRecognition.Decisions soon = limited.recognise(List.of(Stories.article("c", 1)))) {
            assertThat(soon.originalOf(Stories.article("c", 1))).isEqualTo(original.id());
        }
        now.set(100);
        limited.recognise(List.of(Stories.article("d", 3))).close();
        try (CopyRecognition.Decisions later = limited.recognise(List.of(Stories.article("e", 1)))) {
            assertThat(later.originalOf(Stories.article("e", 1))).isNull(); // the index's to find by then
        }
        assertThat(limited.remembered()).isLessThanOrEqualTo(2);
    }
}
