package org.outpost.alerts.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.HtmlText;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexUnavailableException;
import org.springframework.stereotype.Component;

/**
 * Writes a delivery as a message: subject, plain text, HTML (everything from crawled pages
 * escaped), Outpost's webhook JSON with each article's fields and topics, and a Slack text.
 * Topics and entities come from the index when it answers; the stored match fields suffice otherwise.
 */
@Component
public class MessageRenderer {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    private final AlertsProperties properties;
    private final ArticleIndex index;

    public MessageRenderer(AlertsProperties properties, ArticleIndex index) {
        this.properties = properties;
        this.index = index;
    }

    public Message render(Delivery delivery) {
        SpikeDetail spike = delivery.kind() == DeliveryKind.SPIKE ? spike(delivery.detail()) : null;
        List<Story> stories = spike != null ? spike.articles() : delivery.stories();
        Map<String, Article> articles = enrich(stories);
        String subject = "[Outpost] " + subject(delivery, stories);

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;"
                + "color:#1a1a1a;max-width:640px\">");
        html.append("<p style=\"color:#666;font-size:13px\">Outpost · ").append(esc(delivery.subscriptionName()))
                .append("</p>");
        if (spike != null) {
            String line = "Volume spike for " + spike.scope() + ": " + spike.count() + " articles in the " + spike.interval()
                    + " from " + DATE.format(spike.bucket()) + ", against a baseline of "
                    + String.format(Locale.ROOT, "%.1f", spike.baseline()) + " (z = "
                    + String.format(Locale.ROOT, "%.1f", spike.score()) + ").";
            text.append(line).append("\n\nTop articles:\n\n");
            html.append("<h2 style=\"font-size:18px\">").append(esc(line)).append("</h2><p>Top articles:</p>");
        } else if (stories.size() > 1) {
            text.append(delivery.title()).append("\n\n");
            html.append("<h2 style=\"font-size:18px\">").append(esc(delivery.title())).append("</h2>");
        }
        html.append("<ul style=\"padding-left:18px\">");
        for (Story story : stories) {
            Article article = articles.get(story.articleId());
            String outpost = Links.article(properties.publicUrl(), story.articleId());
            text.append("* ").append(story.title()).append('\n')
                    .append("  ").append(byline(story)).append('\n')
                    .append("  In Outpost: ").append(outpost).append('\n');
            if (story.url() != null) {
                text.append("  Original: ").append(story.url()).append('\n');
            }
            text.append('\n');
            html.append("<li style=\"margin-bottom:12px\"><a href=\"").append(esc(outpost)).append("\" style=\"font-weight:bold\">")
                    .append(esc(story.title())).append("</a><br><span style=\"color:#666;font-size:13px\">")
                    .append(esc(byline(story)));
            if (article != null && !article.topics().isEmpty()) {
                html.append(" · ").append(esc(String.join(", ", article.topics())));
            }
            html.append("</span>");
            if (story.url() != null) {
                html.append("<br><a href=\"").append(esc(story.url())).append("\" style=\"font-size:13px\">original</a>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
        String manage = Links.manage(properties.publicUrl(), delivery.subscriptionId());
        String mute = Links.mute(properties.publicUrl(), delivery.subscriptionId());
        text.append("--\nYou receive this for your Outpost subscription \"").append(delivery.subscriptionName())
                .append("\".\nMute it for a week: ").append(mute).append("\nManage or unsubscribe: ").append(manage).append('\n');
        html.append("<hr><p style=\"color:#666;font-size:12px\">You receive this for your Outpost subscription “")
                .append(esc(delivery.subscriptionName())).append("”. <a href=\"").append(esc(mute))
                .append("\">Mute for a week</a> · <a href=\"").append(esc(manage)).append("\">Manage or unsubscribe</a></p>")
                .append("</body></html>");

        return new Message(subject, text.toString(), html.toString(), json(delivery, stories, articles, spike),
                slack(subject, stories, spike));
    }

    private static String subject(Delivery delivery, List<Story> stories) {
        if (delivery.kind() == DeliveryKind.INSTANT && stories.size() == 1) {
            return delivery.subscriptionName() + ": " + stories.getFirst().title();
        }
        return delivery.title();
    }

    private static String byline(Story story) {
        return story.source() + (story.datedAt() == null ? "" : " · " + DATE.format(story.datedAt()));
    }

    private Map<String, Object> json(Delivery delivery, List<Story> stories, Map<String, Article> articles,
            @Nullable SpikeDetail spike) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", delivery.id());
        body.put("kind", delivery.kind().name().toLowerCase(Locale.ROOT));
        body.put("subscription", Map.of("id", delivery.subscriptionId(), "name", delivery.subscriptionName()));
        body.put("title", delivery.title());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Story story : stories) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", story.articleId());
            a.put("story_id", story.storyId());
            a.put("title", story.title());
            a.put("url", story.url());
            a.put("source", story.source());
            a.put("published_at", story.datedAt() == null ? null : story.datedAt().toString());
            a.put("outpost_url", Links.article(properties.publicUrl(), story.articleId()));
            Article article = articles.get(story.articleId());
            if (article != null) {
                a.put("language", article.language());
                a.put("topics", article.topics());
                a.put("topic_scores", article.topicScores());
                a.put("entities", article.entities());
            }
            list.add(a);
        }
        body.put("articles", list);
        if (spike != null) {
            body.put("spike", Map.of("scope", spike.scope(), "bucket", spike.bucket().toString(), "interval",
                    spike.interval(), "count", spike.count(), "baseline", spike.baseline(), "score", spike.score()));
        }
        return body;
    }

    private String slack(String subject, List<Story> stories, @Nullable SpikeDetail spike) {
        StringBuilder s = new StringBuilder("*").append(slackEscape(subject)).append("*");
        if (spike != null) {
            s.append("\n").append(spike.count()).append(" articles vs baseline ")
                    .append(String.format(Locale.ROOT, "%.1f", spike.baseline()));
        }
        for (Story story : stories) {
            s.append("\n• <").append(Links.article(properties.publicUrl(), story.articleId())).append('|')
                    .append(slackEscape(story.title())).append("> — ").append(slackEscape(story.source()));
        }
        return s.toString();
    }

    private Map<String, Article> enrich(List<Story> stories) {
        try {
            return index.getAll(stories.stream().map(Story::articleId).toList());
        } catch (IndexUnavailableException e) {
            return Map.of();
        }
    }

    private static @Nullable SpikeDetail spike(@Nullable String json) {
        return json == null ? null : SpikeDetail.fromJson(json);
    }

    private static String esc(String s) {
        return HtmlText.escape(s);
    }

    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
