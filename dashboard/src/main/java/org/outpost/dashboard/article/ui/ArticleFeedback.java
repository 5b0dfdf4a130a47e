package org.outpost.dashboard.article.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.core.article.Article;
import org.outpost.dashboard.feedback.Feedback;
import org.outpost.dashboard.feedback.FeedbackRefusedException;
import org.outpost.dashboard.feedback.FeedbackService;
import org.outpost.dashboard.feedback.Verdict;
import org.outpost.dashboard.ui.i18n.Texts;

/**
 * One user's verdicts on one article, as the controls of a page show them. A click gives the
 * verdict, or withdraws it when it is the one already given; a short notice offers to undo.
 * Every control listens here, so the article page's buttons and menus stay in step.
 */
final class ArticleFeedback {

    private static final String ARTICLE_LEVEL = "";
    private static final int NOTICE_MILLIS = 6000;

    private final FeedbackService service;
    private final String user;
    private final Article article;
    private final Map<String, String> topicNames;
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    ArticleFeedback(FeedbackService service, String user, Article article, Map<String, String> topicNames) {
        this.service = service;
        this.user = user;
        this.article = article;
        this.topicNames = topicNames;
        service.mine(user, article.id()).forEach(f -> verdicts.put(key(f.topic()), f.verdict()));
    }

    Article article() {
        return article;
    }

    /** Topic id → name in the reader's language, in the definitions' order. */
    Map<String, String> topicNames() {
        return topicNames;
    }

    String topicName(String topic) {
        return topicNames.getOrDefault(topic, topic.replace('_', ' '));
    }

    /** Whether the article, as indexed, has the topic: "right" and "wrong" are said of its labels, "missing" of the others. */
    boolean labelled(String topic) {
        return article.topics().contains(topic);
    }

    /** The user's verdict on the topic (null: on the article as a whole), or null. */
    @Nullable
    Verdict verdict(@Nullable String topic) {
        return verdicts.get(key(topic));
    }

    /** The topics the user said are missing, in the definitions' order. */
    List<String> missing() {
        return topicNames.keySet().stream()
                .filter(t -> verdicts.get(t) == Verdict.MISSING)
                .toList();
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The user clicked the control of this verdict. */
    void click(@Nullable String topic, Verdict verdict) {
        @Nullable Verdict before = verdict(topic);
        try {
            Optional<Feedback> now = service.toggle(user, article.id(), topic, verdict);
            set(topic, now.map(Feedback::verdict).orElse(null));
            notice(topic, now.isPresent() ? verdict : null, before);
        } catch (FeedbackRefusedException e) {
            // the labels changed since the page was drawn (re-scored): the controls are out of date
            failure("feedback.refused");
        } catch (NoSuchElementException e) {
            failure("feedback.gone");
        }
    }

    private void undo(@Nullable String topic, @Nullable Verdict before) {
        try {
            if (before == null) {
                service.withdraw(user, article.id(), topic);
            } else {
                service.give(user, article.id(), topic, before);
            }
            set(topic, before);
        } catch (FeedbackRefusedException | NoSuchElementException e) {
            failure("feedback.refused");
        }
    }

    private void set(@Nullable String topic, @Nullable Verdict verdict) {
        if (verdict == null) {
            verdicts.remove(key(topic));
        } else {
            verdicts.put(key(topic), verdict);
        }
        listeners.forEach(Runnable::run);
    }

    private void notice(@Nullable String topic, @Nullable Verdict given, @Nullable Verdict before) {
        String text;
        if (given == null) {
            text = topic == null
                    ? Texts.get("feedback.withdrawn.article")
                    : Texts.get("feedback.withdrawn", topicName(topic));
        } else {
            text = topic == null
                    ? Texts.get("feedback.saved.NOT_RELEVANT")
                    : Texts.get("feedback.saved." + given.name(), topicName(topic));
        }
        Notification notification = new Notification();
        notification.setDuration(NOTICE_MILLIS);
        notification.setPosition(Notification.Position.BOTTOM_START);
        notification.addClassName("feedback-notice");
        Button undo = new Button(Texts.get("feedback.undo"), e -> {
            notification.close();
            undo(topic, before);
        });
        undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        undo.addClassName("feedback-undo");
        HorizontalLayout content = new HorizontalLayout(new Span(text), undo);
        content.setAlignItems(HorizontalLayout.Alignment.CENTER);
        notification.add(content);
        notification.open();
    }

    private static void failure(String key) {
        Notification notification = new Notification(Texts.get(key), NOTICE_MILLIS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }

    private static String key(@Nullable String topic) {
        return topic == null ? ARTICLE_LEVEL : topic;
    }
}
