package org.outpost.dashboard.feedback.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.feedback.FeedbackOverview;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * Admins see what analysts said about the topic labels: per topic the verdicts, the articles and
 * the agreement between users; choosing a topic lists the articles behind it, each linking to its page.
 */
@Route("admin/feedback")
@RolesAllowed("ADMIN")
class FeedbackAdminView extends VerticalLayout implements HasDynamicTitle {

    private final FeedbackOverview overview;
    private final Map<String, String> topicNames = new LinkedHashMap<>();
    final Grid<FeedbackOverview.TopicFeedback> topics = new Grid<>();
    final Grid<FeedbackOverview.ArticleFeedback> articles = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Span notRelevant = new Span();
    final H3 articlesHeading = new H3();
    final Paragraph articlesEmpty = new Paragraph();

    FeedbackAdminView(FeedbackOverview overview, ClassifierService classifiers) {
        this.overview = overview;
        classifiers
                .current()
                .topicDefinitions()
                .topics()
                .forEach(t -> topicNames.put(t.id(), TopicNames.of(t.id(), t.name())));
        addClassName("feedback-admin-view");
        configureTopics();
        configureArticles();
        empty.addClassName("empty-state");
        notRelevant.addClassName("feedback-not-relevant-count");
        articlesEmpty.addClassName("empty-state");
        Div drillDown = new Div(articlesHeading, articlesEmpty, articles);
        drillDown.addClassName("feedback-articles");
        drillDown.setWidthFull();
        add(
                new H2(getTranslation("feedbackAdmin.title")),
                new Paragraph(getTranslation("feedbackAdmin.intro")),
                empty,
                notRelevant,
                topics,
                drillDown);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", getTranslation("feedbackAdmin.title"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // dates in the reader's zone, once the browser has told it
        ReaderZone.follow(event.getUI(), zone -> articles.getDataProvider().refreshAll());
    }

    private void configureTopics() {
        Locale locale = getLocale();
        topics.addColumn(t -> name(t.topic()))
                .setHeader(getTranslation("feedbackAdmin.col.topic"))
                .setFlexGrow(1);
        topics.addColumn(t -> LocalFormat.number(t.right(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.right"))
                .setWidth("7em")
                .setFlexGrow(0);
        topics.addColumn(t -> LocalFormat.number(t.wrong(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.wrong"))
                .setWidth("7em")
                .setFlexGrow(0);
        topics.addColumn(t -> LocalFormat.number(t.missing(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.missing"))
                .setWidth("8em")
                .setFlexGrow(0);
        topics.addColumn(t -> LocalFormat.number(t.articles(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.articles"))
                .setWidth("7em")
                .setFlexGrow(0);
        topics.addColumn(t -> agreement(t.agreement(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.agreement"))
                .setWidth("8em")
                .setFlexGrow(0);
        topics.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        topics.setAllRowsVisible(true);
        topics.addClassName("feedback-topics");
        topics.asSingleSelect().addValueChangeListener(e -> showArticles(e.getValue()));
    }

    private void configureArticles() {
        Locale locale = getLocale();
        articles.addComponentColumn(a -> {
                    Anchor link = new Anchor("articles/" + a.articleId(), a.title());
                    link.addClassName("feedback-article-link");
                    return link;
                })
                .setHeader(getTranslation("feedbackAdmin.col.article"))
                .setFlexGrow(1);
        articles.addColumn(a -> LocalFormat.number(a.right(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.right"))
                .setWidth("7em")
                .setFlexGrow(0);
        articles.addColumn(a -> LocalFormat.number(a.wrong(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.wrong"))
                .setWidth("7em")
                .setFlexGrow(0);
        articles.addColumn(a -> LocalFormat.number(a.missing(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.missing"))
                .setWidth("8em")
                .setFlexGrow(0);
        articles.addColumn(a -> LocalFormat.number(a.users(), locale))
                .setHeader(getTranslation("feedbackAdmin.col.users"))
                .setWidth("7em")
                .setFlexGrow(0);
        articles.addColumn(a ->
                        a.score() == null ? Texts.get("feedbackAdmin.none") : String.format(locale, "%.2f", a.score()))
                .setHeader(getTranslation("feedbackAdmin.col.score"))
                .setWidth("8em")
                .setFlexGrow(0);
        articles.addColumn(a -> LocalFormat.shortDateTime(
                        a.lastGivenAt(), getUI().map(ReaderZone::of).orElse(ReaderZone.FALLBACK), locale))
                .setHeader(getTranslation("feedbackAdmin.col.given"))
                .setWidth("11em")
                .setFlexGrow(0);
        articles.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        articles.setAllRowsVisible(true);
        articles.addClassName("feedback-article-grid");
    }

    void refresh() {
        FeedbackOverview.Topics all = overview.topics();
        topics.setItems(all.topics());
        boolean none = all.notRelevantArticles() == 0 && all.topics().stream().allMatch(t -> t.articles() == 0);
        empty.setText(getTranslation("feedbackAdmin.empty"));
        empty.setVisible(none);
        notRelevant.setText(getTranslation(
                "feedbackAdmin.notRelevant", LocalFormat.number(all.notRelevantArticles(), getLocale())));
        notRelevant.setVisible(!none);
        showArticles(null);
    }

    /** The drill-down: the articles behind a topic's feedback, or a hint to choose one. */
    void showArticles(FeedbackOverview.@Nullable TopicFeedback topic) {
        if (topic == null) {
            articlesHeading.setVisible(false);
            articles.setVisible(false);
            articlesEmpty.setText(getTranslation("feedbackAdmin.pick"));
            articlesEmpty.setVisible(true);
            return;
        }
        var rows = overview.articles(topic.topic());
        articlesHeading.setText(getTranslation("feedbackAdmin.articlesOf", name(topic.topic())));
        articlesHeading.setVisible(true);
        articles.setItems(rows);
        articles.setVisible(!rows.isEmpty());
        articlesEmpty.setText(getTranslation("feedbackAdmin.topicEmpty", name(topic.topic())));
        articlesEmpty.setVisible(rows.isEmpty());
    }

    private String name(String topic) {
        return topicNames.getOrDefault(topic, topic.replace('_', ' '));
    }

    static String agreement(@Nullable Double share, Locale locale) {
        return share == null
                ? Texts.get(locale, "feedbackAdmin.none")
                : java.text.NumberFormat.getPercentInstance(locale).format(share);
    }
}
