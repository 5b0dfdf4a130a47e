package org.outpost.alerts.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.HtmlText;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.report.TopicNames;
import org.outpost.core.article.Article;
import org.outpost.core.index.ArticleIndex;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.net.WebLinks;
import org.springframework.stereotype.Component;

/**
 * Writes a delivery as a message: subject, plain text, HTML (everything from crawled pages
 * escaped), Outpost's webhook JSON with each article's fields and topics, and a Slack text.
 * Topics and entities come from the index when it answers; the stored match fields suffice otherwise.
 */
@Component
class MessageRenderer {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final AlertsProperties properties;
    private final ArticleIndex index;
    private final ReaderLanguages readers;
    private final TopicNames topicNames;

    public MessageRenderer(
            AlertsProperties properties, ArticleIndex index, ReaderLanguages readers, TopicNames topicNames) {
        this.properties = properties;
        this.index = index;
        this.readers = readers;
        this.topicNames = topicNames;
    }

    /** In the language of the subscription's owner. */
    public Message render(Delivery delivery) {
        Locale locale = readers.of(delivery.owner());
        ReaderTexts texts = ReaderTexts.of(locale);
        SpikeDetail spike = delivery.kind() == DeliveryKind.SPIKE ? spike(delivery.detail()) : null;
        FirstSeenDetail firstSeen = delivery.kind() == DeliveryKind.FIRST_SEEN && delivery.detail() != null
                ? FirstSeenDetail.fromJson(delivery.detail())
                : null;
        List<Story> stories =
                spike != null ? spike.articles() : firstSeen != null ? firstSeen.articles() : delivery.stories();
        Map<String, Article> articles = enrich(stories);
        String subject = texts.get("mail.subjectPrefix") + subject(delivery, stories);
        UnaryOperator<String> names = id -> topicNames.name(id, locale);

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(texts.locale().getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"></head><body style=\"font-family:Arial,sans-serif;"
                        + "color:#1a1a1a;max-width:640px\">");
        html.append("<p style=\"color:#666;font-size:13px\">Outpost · ")
                .append(esc(delivery.subscriptionName()))
                .append("</p>");
        if (spike != null) {
            String line = texts.count(
                    "spike.line",
                    spike.count(),
                    SpikeWording.scope(spike.scope(), texts, names),
                    texts.get("interval." + spike.interval()),
                    messageTime(texts, spike.bucket()),
                    texts.decimal(spike.baseline()),
                    texts.decimal(spike.score()));
            text.append(line)
                    .append("\n\n")
                    .append(texts.get("mail.topArticles"))
                    .append("\n\n");
            html.append("<h2 style=\"font-size:18px\">")
                    .append(esc(line))
                    .append("</h2><p>")
                    .append(esc(texts.get("mail.topArticles")))
                    .append("</p>");
        } else if (firstSeen != null) {
            String line = firstSeenLine(texts, firstSeen);
            text.append(line)
                    .append("\n\n")
                    .append(texts.get("firstSeen.articles"))
                    .append("\n\n");
            html.append("<h2 style=\"font-size:18px\">")
                    .append(esc(line))
                    .append("</h2><p>")
                    .append(esc(texts.get("firstSeen.articles")))
                    .append("</p>");
        } else if (stories.size() > 1) {
            text.append(delivery.title()).append("\n\n");
            html.append("<h2 style=\"font-size:18px\">")
                    .append(esc(delivery.title()))
                    .append("</h2>");
        }
        html.append("<ul style=\"padding-left:18px\">");
        for (Story story : stories) {
            Article article = articles.get(story.articleId());
            String outpost = Links.article(properties.publicUrl(), story.articleId());
            text.append("* ")
                    .append(story.title())
                    .append('\n')
                    .append("  ")
                    .append(byline(texts, story))
                    .append('\n')
                    .append("  ")
                    .append(texts.get("mail.inOutpost"))
                    .append(' ')
                    .append(outpost)
                    .append('\n');
            if (story.url() != null) {
                text.append("  ")
                        .append(texts.get("mail.original"))
                        .append(' ')
                        .append(story.url())
                        .append('\n');
            }
            text.append('\n');
            html.append("<li style=\"margin-bottom:12px\"><a href=\"")
                    .append(esc(outpost))
                    .append("\" style=\"font-weight:bold\">")
                    .append(esc(story.title()))
                    .append("</a><br><span style=\"color:#666;font-size:13px\">")
                    .append(esc(byline(texts, story)));
            if (article != null && !article.topics().isEmpty()) {
                html.append(" · ")
                        .append(esc(String.join(
                                ", ",
                                article.topics().stream()
                                        .map(id -> names.apply(id))
                                        .toList())));
            }
            html.append("</span>");
            if (WebLinks.isWeb(story.url())) { // only http(s) from crawled data becomes a link
                html.append("<br><a href=\"")
                        .append(esc(story.url()))
                        .append("\" style=\"font-size:13px\">")
                        .append(esc(texts.get("mail.originalLink")))
                        .append("</a>");
            }
            html.append("</li>");
        }
        html.append("</ul>");
        String manage = Links.manage(properties.publicUrl(), delivery.subscriptionId());
        String mute = Links.mute(properties.publicUrl(), delivery.subscriptionId());
        text.append("--\n")
                .append(texts.get("mail.footer.text", delivery.subscriptionName(), mute, manage))
                .append('\n');
        html.append("<hr><p style=\"color:#666;font-size:12px\">")
                .append(esc(texts.get("mail.footer.html", delivery.subscriptionName())))
                .append(" <a href=\"")
                .append(esc(mute))
                .append("\">")
                .append(esc(texts.get("mail.mute")))
                .append("</a> · <a href=\"")
                .append(esc(manage))
                .append("\">")
                .append(esc(texts.get("mail.manage")))
                .append("</a></p>")
                .append("</body></html>");

        return new Message(
                subject,
                text.toString(),
                html.toString(),
                json(delivery, stories, articles, spike, firstSeen, names),
                slack(subject, stories, spike, firstSeen, texts));
    }

    /** The entity, how long it went unnamed, when it was first named and by which sources. */
    private static String firstSeenLine(ReaderTexts texts, FirstSeenDetail f) {
        return texts.count(
                "firstSeen.line",
                f.sources(),
                f.displayName(texts.locale()),
                texts.get("firstSeen.type." + f.type()),
                f.days(),
                messageTime(texts, f.first()),
                String.join(", ", f.sourceNames()));
    }

    private static String subject(Delivery delivery, List<Story> stories) {
        if (delivery.kind() == DeliveryKind.INSTANT && stories.size() == 1) {
            return delivery.subscriptionName() + ": " + stories.getFirst().title();
        }
        return delivery.title();
    }

    private static String byline(ReaderTexts texts, Story story) {
        return story.source() + (story.datedAt() == null ? "" : " · " + messageTime(texts, story.datedAt()));
    }

    /** Alert times are in UTC: a subscription has no time zone of its own. */
    private static String messageTime(ReaderTexts texts, java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern(texts.get("format.messageDateTime"), texts.locale())
                .format(instant.atZone(UTC));
    }

    /** Field names are an API and stay English; values a person reads (title, topic names) are in their language. */
    private Map<String, Object> json(
            Delivery delivery,
            List<Story> stories,
            Map<String, Article> articles,
            @Nullable SpikeDetail spike,
            @Nullable FirstSeenDetail firstSeen,
            UnaryOperator<String> names) {
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
            a.put(
                    "published_at",
                    story.datedAt() == null ? null : story.datedAt().toString());
            a.put("outpost_url", Links.article(properties.publicUrl(), story.articleId()));
            Article article = articles.get(story.articleId());
            if (article != null) {
                a.put("language", article.language());
                a.put("topics", article.topics());
                a.put(
                        "topic_names",
                        article.topics().stream().map(id -> names.apply(id)).toList());
                a.put("topic_scores", article.topicScores());
                a.put("entities", article.entities());
            }
            list.add(a);
        }
        body.put("articles", list);
        if (spike != null) {
            body.put(
                    "spike",
                    Map.of(
                            "scope",
                            spike.scope(),
                            "bucket",
                            spike.bucket().toString(),
                            "interval",
                            spike.interval(),
                            "count",
                            spike.count(),
                            "baseline",
                            spike.baseline(),
                            "score",
                            spike.score()));
        }
        if (firstSeen != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("entity", firstSeen.entity());
            f.put("type", firstSeen.type());
            f.put("name", firstSeen.name());
            f.put("days_unnamed", firstSeen.days());
            f.put("first_at", firstSeen.first().toString());
            f.put("sources", firstSeen.sources());
            f.put("source_names", firstSeen.sourceNames());
            f.put("articles", firstSeen.mentions());
            body.put("first_seen", f);
        }
        return body;
    }

    private String slack(
            String subject,
            List<Story> stories,
            @Nullable SpikeDetail spike,
            @Nullable FirstSeenDetail firstSeen,
            ReaderTexts texts) {
        StringBuilder s = new StringBuilder("*").append(slackEscape(subject)).append("*");
        if (spike != null) {
            s.append("\n")
                    .append(slackEscape(texts.count("spike.slack", spike.count(), texts.decimal(spike.baseline()))));
        }
        if (firstSeen != null) {
            s.append("\n").append(slackEscape(firstSeenLine(texts, firstSeen)));
        }
        for (Story story : stories) {
            s.append("\n• <")
                    .append(Links.article(properties.publicUrl(), story.articleId()))
                    .append('|')
                    .append(slackEscape(story.title()))
                    .append("> — ")
                    .append(slackEscape(story.source()));
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
