package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.outpost.core.classify.Classifier;
import org.outpost.core.index.IndexUnavailableException;
import org.outpost.core.net.WebLinks;
import org.outpost.dashboard.article.ArticleService;
import org.outpost.dashboard.classify.ClassifierService;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.ui.ReaderZone;
import org.outpost.dashboard.ui.i18n.LanguageNames;
import org.outpost.dashboard.ui.i18n.LocalFormat;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.ui.i18n.TopicNames;

/**
 * One article's clean text, its source and date, and a link to the original. Text is set as
 * text, never as HTML, so nothing from a crawled page can run here.
 */
@Route("articles/:id")
@PermitAll
class ArticleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ArticleService articles;
    private final ClassifierService classifiers;
    private final FeedbackService feedback;
    private final AuthenticationContext authentication;
    private String title = "";

    ArticleView(
            ArticleService articles,
            ClassifierService classifiers,
            FeedbackService feedback,
            AuthenticationContext authentication) {
        this.articles = articles;
        this.classifiers = classifiers;
        this.feedback = feedback;
        this.authentication = authentication;
        addClassName("article-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        add(backLink());
        articles.get(id).ifPresentOrElse(this::show, () -> showMissing(id));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title", title.isEmpty() ? getTranslation("article.title") : title);
    }

    private void show(org.outpost.core.article.Article article) {
        title = article.title();
        H1 heading = new H1(article.title());
        heading.addClassName("article-heading");
        Div meta = new Div();
        meta.addClassName("article-meta");
        meta.add(new Span(article.source()));
        if (article.author() != null) {
            meta.add(new Span(getTranslation("article.by", article.author())));
        }
        meta.add(new Span(
                article.publishedAt() == null
                        ? getTranslation("article.noDate")
                        : getTranslation(
                                article.datedFromText() ? "article.publishedFromText" : "article.published",
                                formatDate(article.publishedAt()))));
        if (article.language() != null) {
            Span language =
                    new Span(getTranslation("article.language", LanguageNames.of(article.language(), getLocale())));
            language.addClassName("article-language");
            meta.add(language);
        }
        Article body = new Article();
        body.addClassName("article-body");
        for (String paragraph : article.body().split("\n\n")) {
            body.add(new Paragraph(paragraph));
        }
        add(heading, meta);
        if (WebLinks.isWeb(article.url())) {
            Anchor original = new Anchor(article.url(), getTranslation("article.original"), AnchorTarget.BLANK);
            original.getElement().setAttribute("rel", "noopener noreferrer nofollow");
            original.addClassName("original-link");
            add(original);
        } else {
            // an address that is not http(s) (javascript:, data:, file:) is not a link
            Span noUrl = new Span(getTranslation("article.noUrl"));
            noUrl.addClassName("original-missing");
            add(noUrl);
        }
        Classifier classifier = classifiers.current();
        add(
                new TopicScoresPanel(
                        classifier.topicDefinitions(),
                        classifier.classify(article.language(), article.title(), article.body()),
                        feedbackOn(article, classifier)),
                new EntityChips(article.entities()),
                body);
        addStoryLinks(article);
    }

    /** The signed-in user's feedback controls (none without a user name, which a signed-in page always has). */
    private @Nullable ArticleFeedback feedbackOn(org.outpost.core.article.Article article, Classifier classifier) {
        return authentication
                .getPrincipalName()
                .map(user -> new ArticleFeedback(feedback, user, article, topicNames(classifier)))
                .orElse(null);
    }

    static java.util.Map<String, String> topicNames(Classifier classifier) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        classifier.topicDefinitions().topics().forEach(t -> names.put(t.id(), TopicNames.of(t.id(), t.name())));
        return names;
    }

    private void addStoryLinks(org.outpost.core.article.Article article) {
        try {
            ArticleService.Story story = articles.story(article);
            add(StoryLinks.copies(article, story.original(), story.copies()), StoryLinks.related(story.related()));
        } catch (IndexUnavailableException e) {
            add(StoryLinks.unavailable());
        }
    }

    private void showMissing(String id) {
        title = getTranslation("article.notFound");
        add(new H1(title), new Paragraph(getTranslation("article.notFound.detail", id)));
    }

    private static RouterLink backLink() {
        RouterLink back = new RouterLink(Texts.get("article.all"), ArticlesView.class);
        back.addComponentAsFirst(VaadinIcon.ARROW_LEFT.create());
        back.addClassName("back-link");
        return back;
    }

    /** The day in the reader's zone (UTC until the browser has told it). */
    static String formatDate(@Nullable Instant instant) {
        return formatDate(
                instant,
                com.vaadin.flow.component.UI.getCurrent() == null
                        ? ReaderZone.FALLBACK
                        : ReaderZone.of(com.vaadin.flow.component.UI.getCurrent()));
    }

    static String formatDate(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? Texts.get("article.dateNotStated") : LocalFormat.date(instant, zone, Texts.locale());
    }
}
