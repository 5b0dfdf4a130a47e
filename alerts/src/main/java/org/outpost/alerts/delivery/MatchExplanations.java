package org.outpost.alerts.delivery;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexUnavailableException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Why the keyword matches of delivered messages matched, for the in-app notifications: the same
 * explanation the messages carry, worked out when a page shows them (one index read for the page).
 */
@NamedInterface("delivery")
@Service
public class MatchExplanations {

    private final ArticleIndex index;
    private final SubscriptionRepository subscriptions;

    MatchExplanations(ArticleIndex index, SubscriptionRepository subscriptions) {
        this.index = index;
        this.subscriptions = subscriptions;
    }

    /**
     * By delivery id, then article id: the explanation of each story of these deliveries that has
     * one. Spike messages and deliveries of deleted alerts have none; with the index unavailable, none.
     */
    public Map<Long, Map<String, MatchExplanation>> explain(List<Delivery> deliveries) {
        List<String> ids = deliveries.stream()
                .filter(d -> d.kind() != DeliveryKind.SPIKE)
                .flatMap(d -> d.stories().stream())
                .map(Story::articleId)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Article> articles;
        try {
            articles = index.getAll(ids);
        } catch (IndexUnavailableException e) {
            return Map.of();
        }
        Map<Long, Optional<Subscription>> alerts = new HashMap<>();
        Map<Long, Map<String, MatchExplanation>> out = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            if (d.kind() == DeliveryKind.SPIKE) {
                continue;
            }
            Subscription s = alerts.computeIfAbsent(d.subscriptionId(), subscriptions::find)
                    .orElse(null);
            if (s == null) {
                continue;
            }
            Map<String, MatchExplanation> byArticle = new LinkedHashMap<>();
            for (Story story : d.stories()) {
                MatchExplanation why =
                        MatchExplanation.of(s.query(), s.filters().topics(), articles.get(story.articleId()));
                if (!why.isEmpty()) {
                    byArticle.put(story.articleId(), why);
                }
            }
            out.put(d.id(), byArticle);
        }
        return out;
    }
}
