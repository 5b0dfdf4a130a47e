package org.outpost.dashboard.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** For admins: how much feedback each topic has, whether users agree, and the articles behind it. */
@Service
public class FeedbackOverview {

    private final FeedbackStore store;
    private final FeedbackService feedback;

    FeedbackOverview(FeedbackStore store, FeedbackService feedback) {
        this.store = store;
        this.feedback = feedback;
    }

    /**
     * One topic's feedback.
     *
     * @param articles the articles with a verdict on the topic
     * @param compared the article–topic pairs with verdicts from two or more users
     * @param agreement the share of {@code compared} on which every user said the same (yes: right or
     *     missing; no: wrong); null when there is none to compare
     */
    public record TopicFeedback(
            String topic,
            int right,
            int wrong,
            int missing,
            int articles,
            int compared,
            @Nullable Double agreement) {}

    /**
     * Every topic of the definitions in use (and any other topic that has feedback), and how many
     * articles someone said are not relevant to us.
     */
    public record Topics(List<TopicFeedback> topics, int notRelevantArticles) {}

    /**
     * One article's verdicts on a topic.
     *
     * @param notRelevant users who said the article as a whole is not relevant to us
     * @param users the users with a verdict on the topic
     * @param score the topic's score when the latest verdict was given
     */
    public record ArticleFeedback(
            String articleId,
            String title,
            int right,
            int wrong,
            int missing,
            int notRelevant,
            int users,
            @Nullable Double score,
            Instant lastGivenAt) {}

    public Topics topics() {
        List<FeedbackStore.Vote> votes = store.all();
        Set<String> topics = new LinkedHashSet<>(feedback.topicIds());
        votes.stream().map(v -> v.feedback().topic()).filter(t -> t != null).forEach(topics::add);
        Map<String, List<FeedbackStore.Vote>> byTopic = votes.stream()
                .filter(v -> v.feedback().topic() != null)
                .collect(Collectors.groupingBy(v -> v.feedback().topic(), LinkedHashMap::new, Collectors.toList()));
        List<TopicFeedback> rows = new ArrayList<>();
        for (String topic : topics) {
            rows.add(topic(topic, byTopic.getOrDefault(topic, List.of())));
        }
        int notRelevant = (int) votes.stream()
                .filter(v -> v.feedback().verdict() == Verdict.NOT_RELEVANT)
                .map(v -> v.feedback().articleId())
                .distinct()
                .count();
        return new Topics(rows, notRelevant);
    }

    /** The articles with a verdict on the topic, the latest verdict first. */
    public List<ArticleFeedback> articles(String topic) {
        List<FeedbackStore.Vote> votes = store.onTopic(topic);
        Map<String, List<FeedbackStore.Vote>> byArticle = votes.stream()
                .collect(Collectors.groupingBy(v -> v.feedback().articleId(), LinkedHashMap::new, Collectors.toList()));
        // article-level verdicts alone do not put an article on a topic's list
        byArticle
                .values()
                .removeIf(list -> list.stream().allMatch(v -> v.feedback().topic() == null));
        Map<String, String> titles = store.titles(List.copyOf(byArticle.keySet()));
        List<ArticleFeedback> rows = new ArrayList<>();
        byArticle.forEach((article, list) -> rows.add(article(article, titles.getOrDefault(article, article), list)));
        rows.sort(Comparator.comparing(ArticleFeedback::lastGivenAt).reversed());
        return rows;
    }

    private static TopicFeedback topic(String topic, List<FeedbackStore.Vote> votes) {
        Map<String, List<Verdict>> byArticle = votes.stream()
                .collect(Collectors.groupingBy(
                        v -> v.feedback().articleId(),
                        LinkedHashMap::new,
                        Collectors.mapping(v -> v.feedback().verdict(), Collectors.toList())));
        int compared = 0;
        int agreed = 0;
        for (List<Verdict> verdicts : byArticle.values()) {
            // one row per user and topic: two verdicts are two users
            if (verdicts.size() >= 2) {
                compared++;
                if (verdicts.stream().map(Verdict::saysYes).distinct().count() == 1) {
                    agreed++;
                }
            }
        }
        return new TopicFeedback(
                topic,
                count(votes, Verdict.RIGHT),
                count(votes, Verdict.WRONG),
                count(votes, Verdict.MISSING),
                byArticle.size(),
                compared,
                compared == 0 ? null : (double) agreed / compared);
    }

    private static ArticleFeedback article(String article, String title, List<FeedbackStore.Vote> votes) {
        List<FeedbackStore.Vote> onTopic =
                votes.stream().filter(v -> v.feedback().topic() != null).toList();
        FeedbackStore.Vote latest = onTopic.getLast();
        return new ArticleFeedback(
                article,
                title,
                count(onTopic, Verdict.RIGHT),
                count(onTopic, Verdict.WRONG),
                count(onTopic, Verdict.MISSING),
                count(votes, Verdict.NOT_RELEVANT),
                (int) onTopic.stream().map(FeedbackStore.Vote::user).distinct().count(),
                latest.feedback().score(),
                latest.feedback().givenAt());
    }

    private static int count(List<FeedbackStore.Vote> votes, Verdict verdict) {
        return (int)
                votes.stream().filter(v -> v.feedback().verdict() == verdict).count();
    }
}
