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
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
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
    private final int telegramParts;
    private final SubscriptionRepository subscriptions;
    /** Why each keyword match matched, by article id, while one delivery is rendered (a renderer per thread). */
    public MessageRenderer(
            AlertsProperties properties,
            ArticleIndex index,
            ReaderLanguages readers,
            TopicNames topicNames,
            TelegramProperties telegram,
            SubscriptionRepository subscriptions) {
        this.telegramParts = telegram.maxParts();
        this.subscriptions = subscriptions;
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
        Map<String, MatchExplanation> reasons =
                spike != null || firstSeen != null ? Map.of() : explain(delivery, stories, articles);
        return render(delivery, texts, spike, firstSeen, stories, articles, subject, names, reasons);
    }

    private Message render(
            Delivery delivery,
            ReaderTexts texts,
            @Nullable SpikeDetail spike,
            @Nullable FirstSeenDetail firstSeen,
            List<Story> stories,
            Map<String, Article> articles,
            String subject,
            UnaryOperator<String> names,
            Map<String, MatchExplanation> reasons) {

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(texts.locale().getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"></head><body style=\"font-family:Arial,sans-serif;"
                        + "color:#1a1a1a;max-width:640px\">");
        html.append("<p style=\"color:#666;font-size:13px\">Outpost · ")
                .append(esc(delivery.subscriptionName()))
                .append("</p>");
        String map =
                spike == null ? null : Links.map(properties.publicUrl(), spike).orElse(null);
        if (spike != null) {
            String line = SpikeWording.line(spike, texts, names, t -> messageTime(texts, t));
            String compared = SpikeWording.comparison(spike, texts);
            text.append(line).append("\n\n");
            if (!compared.isEmpty()) {
                text.append(compared).append("\n\n");
            }
            if (map != null) {
                text.append(texts.get("spike.map", map)).append("\n\n");
            }
            text.append(texts.get("mail.topArticles")).append("\n\n");
            html.append("<h2 style=\"font-size:18px\">").append(esc(line)).append("</h2>");
            if (!compared.isEmpty()) {
                html.append("<p style=\"color:#666;font-size:13px\">")
                        .append(esc(compared))
                        .append("</p>");
            }
            if (map != null) {
                html.append("<p><a href=\"")
                        .append(esc(map))
                        .append("\">")
                        .append(esc(texts.get("spike.map.link")))
                        .append("</a></p>");
            }
            html.append("<p>").append(esc(texts.get("mail.topArticles"))).append("</p>");
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
                    .append(whyText(story, texts, names, reasons))
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
            html.append(whyHtml(story, texts, names, reasons));
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
                json(delivery, stories, articles, spike, firstSeen, names, texts, reasons),
                slack(subject, stories, spike, firstSeen, texts, reasons),
                telegram(delivery, stories, spike, texts, names, reasons),
                TeamsCard.of(
                        subject,
                        teamsLines(stories, texts, reasons),
                        spike == null ? null : spikeLine(spike, texts, names),
                        footerLinks(delivery, texts, map)));
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
            UnaryOperator<String> names,
            ReaderTexts texts,
            Map<String, MatchExplanation> reasons) {
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
            MatchExplanation why = reasons.get(story.articleId());
            if (why != null && !why.isEmpty()) {
                a.put("explanation", whyJson(why, names));
            }
            list.add(a);
        }
        body.put("articles", list);
        if (spike != null) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("scope", spike.scope());
            detail.put("bucket", spike.bucket().toString());
            detail.put("interval", spike.interval());
            detail.put("count", spike.count());
            detail.put("baseline", spike.baseline());
            detail.put("score", spike.score());
            detail.put("phase", spike.phaseOrStarted());
            if (spike.sensitivity() != null) {
                detail.put("sensitivity", spike.sensitivity());
                detail.put("ratio", spike.ratio());
                detail.put("comparison", SpikeWording.comparison(spike, texts));
            }
            if (spike.since() != null) {
                detail.put("since", spike.since().toString());
            }
            Links.map(properties.publicUrl(), spike).ifPresent(url -> detail.put("map_url", url));
            body.put("spike", detail);
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
            ReaderTexts texts,
            Map<String, MatchExplanation> reasons) {
        StringBuilder s = new StringBuilder("*").append(slackEscape(subject)).append("*");
        if (spike != null) {
            s.append("\n")
                    .append(slackEscape(texts.count("spike.slack", spike.count(), texts.decimal(spike.baseline()))));
            String compared = SpikeWording.comparison(spike, texts);
            if (!compared.isEmpty()) {
                s.append("\n_").append(slackEscape(compared)).append('_');
            }
            Links.map(properties.publicUrl(), spike)
                    .ifPresent(url -> s.append("\n<")
                            .append(url)
                            .append('|')
                            .append(slackEscape(texts.get("spike.map.link")))
                            .append('>'));
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
            MatchExplanation why = reasons.get(story.articleId());
            if (why != null && !why.snippet().isEmpty()) {
                s.append("\n> ").append(why.format(MessageRenderer::slackEscape, w -> "*" + slackEscape(w) + "*"));
            }
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

    /** The spike's sentence, as email and Telegram open with it. */
    private String spikeLine(SpikeDetail spike, ReaderTexts texts, UnaryOperator<String> names) {
        return texts.count(
                "spike.line",
                spike.count(),
                SpikeWording.scope(spike.scope(), texts, names),
                texts.get("interval." + spike.interval()),
                messageTime(texts, spike.bucket()),
                texts.decimal(spike.baseline()),
                texts.decimal(spike.score()));
    }

    /** Longer titles and links are cut: one article's block must stay well within a Telegram message. */
    private static final int TELEGRAM_TITLE = 400;

    private static final int TELEGRAM_URL = 1000;

    private List<String> telegram(
            Delivery delivery,
            List<Story> stories,
            @Nullable SpikeDetail spike,
            ReaderTexts texts,
            UnaryOperator<String> names,
            Map<String, MatchExplanation> reasons) {
        StringBuilder heading = new StringBuilder("<b>")
                .append(TelegramText.escape("Outpost · " + cut(delivery.subscriptionName(), 200)))
                .append("</b>");
        if (spike != null) {
            heading.append('\n').append(TelegramText.escape(spikeLine(spike, texts, names)));
            Links.map(properties.publicUrl(), spike)
                    .ifPresent(url -> heading.append('\n').append(TelegramText.link(url, texts.get("spike.map.link"))));
        } else if (stories.size() > 1 || delivery.kind() != DeliveryKind.INSTANT) {
            heading.append('\n').append(TelegramText.escape(cut(delivery.title(), 300)));
        }
        List<String> entries = new ArrayList<>();
        for (Story story : stories) {
            StringBuilder e = new StringBuilder("<b>")
                    .append(TelegramText.link(
                            Links.article(properties.publicUrl(), story.articleId()),
                            cut(story.title(), TELEGRAM_TITLE)))
                    .append("</b>\n")
                    .append(TelegramText.escape(cut(byline(texts, story), 300)));
            if (WebLinks.isWeb(story.url()) && story.url().length() <= TELEGRAM_URL) {
                e.append(" · ").append(TelegramText.link(story.url(), texts.get("mail.originalLink")));
            }
            MatchExplanation why = reasons.get(story.articleId());
            if (why != null && !why.snippet().isEmpty()) {
                e.append("\n<i>")
                        .append(why.format(TelegramText::escape, w -> "<b>" + TelegramText.escape(w) + "</b>"))
                        .append("</i>");
            }
            if (why != null && !why.topics().isEmpty()) {
                e.append('\n').append(TelegramText.escape(topicsLine(why, texts, names)));
            }
            entries.add(e.toString());
        }
        String manage = Links.manage(properties.publicUrl(), delivery.subscriptionId());
        String footer =
                TelegramText.link(Links.mute(properties.publicUrl(), delivery.subscriptionId()), texts.get("mail.mute"))
                        + " · " + TelegramText.link(manage, texts.get("mail.manage"));
        return TelegramText.parts(
                heading.toString(),
                entries,
                footer,
                telegramParts,
                left -> TelegramText.escape(texts.count("telegram.more", left)) + " "
                        + TelegramText.link(manage, texts.get("telegram.openOutpost")));
    }

    private List<TeamsCard.Line> teamsLines(
            List<Story> stories, ReaderTexts texts, Map<String, MatchExplanation> reasons) {
        return stories.stream()
                .map(story -> new TeamsCard.Line(
                        story.title(),
                        Links.article(properties.publicUrl(), story.articleId()),
                        byline(texts, story),
                        WebLinks.isWeb(story.url()) ? story.url() : null,
                        teamsWhy(story, reasons)))
                .toList();
    }

    /** @param map the map centred on a spike's place or region, first; null for none */
    private Map<String, String> footerLinks(Delivery delivery, ReaderTexts texts, @Nullable String map) {
        Map<String, String> links = new LinkedHashMap<>();
        if (map != null) {
            links.put(texts.get("spike.map.link"), map);
        }
        links.put(texts.get("mail.mute"), Links.mute(properties.publicUrl(), delivery.subscriptionId()));
        links.put(texts.get("mail.manage"), Links.manage(properties.publicUrl(), delivery.subscriptionId()));
        return links;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Keyword matches only: a spike is explained by its own numbers. */
    private Map<String, MatchExplanation> explain(
            Delivery delivery, List<Story> stories, Map<String, Article> articles) {
        Subscription subscription =
                subscriptions.find(delivery.subscriptionId()).orElse(null);
        if (subscription == null || articles.isEmpty()) {
            return Map.of();
        }
        Map<String, MatchExplanation> out = new LinkedHashMap<>();
        for (Story story : stories) {
            out.put(
                    story.articleId(),
                    MatchExplanation.of(
                            subscription.query(), subscription.filters().topics(), articles.get(story.articleId())));
        }
        return out;
    }

    private static String whyText(
            Story story, ReaderTexts texts, UnaryOperator<String> names, Map<String, MatchExplanation> reasons) {
        MatchExplanation why = reasons.get(story.articleId());
        if (why == null || why.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (!why.snippet().isEmpty()) {
            out.append("  ").append(why.format(w -> w, w -> "*" + w + "*")).append('\n');
        }
        if (!why.topics().isEmpty()) {
            out.append("  ").append(topicsLine(why, texts, names)).append('\n');
        }
        return out.toString();
    }

    private static String whyHtml(
            Story story, ReaderTexts texts, UnaryOperator<String> names, Map<String, MatchExplanation> reasons) {
        MatchExplanation why = reasons.get(story.articleId());
        if (why == null || why.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (!why.snippet().isEmpty()) {
            out.append("<br><span class=\"why\" style=\"color:#333;font-size:13px\">")
                    .append(why.format(
                            MessageRenderer::esc, w -> "<mark style=\"background:#fff3b0\">" + esc(w) + "</mark>"))
                    .append("</span>");
        }
        if (!why.topics().isEmpty()) {
            out.append("<br><span style=\"color:#666;font-size:12px\">")
                    .append(esc(topicsLine(why, texts, names)))
                    .append("</span>");
        }
        return out.toString();
    }

    private static @Nullable String teamsWhy(Story story, Map<String, MatchExplanation> reasons) {
        MatchExplanation why = reasons.get(story.articleId());
        return why == null || why.snippet().isEmpty()
                ? null
                : why.format(TeamsCard::markdown, w -> "**" + TeamsCard.markdown(w) + "**");
    }

    /** "Topics: Border conflicts 0.82 (at least 0.50)". */
    private static String topicsLine(MatchExplanation why, ReaderTexts texts, UnaryOperator<String> names) {
        List<String> parts = new ArrayList<>();
        why.topics()
                .forEach((id, s) -> parts.add(
                        texts.get("why.topic", names.apply(id), score(texts, s.score()), score(texts, s.min()))));
        return texts.get("why.topics", String.join(", ", parts));
    }

    /** Scores as the alert form shows them: two decimals. */
    private static String score(ReaderTexts texts, double value) {
        return String.format(texts.locale(), "%.2f", value);
    }

    private static Map<String, Object> whyJson(MatchExplanation why, UnaryOperator<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!why.snippet().isEmpty()) {
            out.put("snippet", why.format(w -> w, w -> w));
            out.put("highlighted", why.format(w -> w, w -> "<em>" + w + "</em>"));
            out.put(
                    "terms",
                    why.snippet().stream()
                            .filter(MatchExplanation.Piece::hit)
                            .map(MatchExplanation.Piece::text)
                            .distinct()
                            .toList());
        }
        List<Map<String, Object>> topics = new ArrayList<>();
        why.topics()
                .forEach((id, s) -> topics.add(
                        Map.of("id", id, "name", names.apply(id), "score", s.score(), "min_score", s.min())));
        out.put("topics", topics);
        return out;
    }
}
