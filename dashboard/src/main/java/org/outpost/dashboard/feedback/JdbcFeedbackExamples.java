package org.outpost.dashboard.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.outpost.core.language.Language;
import org.outpost.core.topic.learn.LabelledText;
import org.outpost.dashboard.classify.ClassifierService;
import org.springframework.stereotype.Component;

/**
 * The stored feedback as labelled text, read from the database alone (the article copies in
 * {@code feedback_article}), labelled over the topics of the definitions in use.
 */
@Component
class JdbcFeedbackExamples implements FeedbackExamples {

    private final FeedbackStore store;
    private final ClassifierService classifiers;

    JdbcFeedbackExamples(FeedbackStore store, ClassifierService classifiers) {
        this.store = store;
        this.classifiers = classifiers;
    }

    @Override
    public List<LabelledText> examples() {
        Map<String, FeedbackStore.StoredText> texts = store.texts();
        List<LabelledText> examples = new ArrayList<>();
        labels().forEach((article, labels) -> {
            FeedbackStore.StoredText text = texts.get(article);
            if (text != null && labels.saysAnything()) {
                examples.add(labelled(text, labels));
            }
        });
        return examples;
    }

    @Override
    public Map<String, List<LabelledText>> missing() {
        Map<String, FeedbackStore.StoredText> texts = store.texts();
        Map<String, List<LabelledText>> missing = new LinkedHashMap<>();
        labels().forEach((article, labels) -> {
            FeedbackStore.StoredText text = texts.get(article);
            if (text != null) {
                for (String topic : labels.missing()) {
                    missing.computeIfAbsent(topic, t -> new ArrayList<>()).add(labelled(text, labels));
                }
            }
        });
        return missing;
    }

    private Map<String, MajorityLabels> labels() {
        return MajorityLabels.of(
                store.all(), classifiers.current().topicDefinitions().ids());
    }

    private static LabelledText labelled(FeedbackStore.StoredText text, MajorityLabels labels) {
        Language language = Language.ofCode(text.language());
        return new LabelledText(
                "feedback:" + text.articleId(),
                language == null ? Language.OTHER : language,
                text.title(),
                text.body(),
                labels.positives(),
                labels.negatives(),
                LabelledText.FEEDBACK);
    }
}
