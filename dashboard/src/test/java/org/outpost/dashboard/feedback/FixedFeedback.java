package org.outpost.dashboard.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.outpost.core.topic.learn.LabelledText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Feedback a test chooses, in the one application context every test shares: a test gives it
 * fixed "missing topic" texts with {@link #use} and takes them back with {@link #clear}; the rest
 * of the time it answers what the app's own {@link FeedbackExamples} answers, so tests of the real
 * feedback store see no difference. A component of the test sources (found by the app's scan, so
 * the context stays the same for every test) rather than an imported configuration, which would
 * give the tests that import it a context of their own.
 */
@Component
@Primary
public class FixedFeedback implements FeedbackExamples {

    private final ObjectProvider<FeedbackExamples> all;
    private volatile @Nullable Map<String, List<LabelledText>> fixed;

    FixedFeedback(ObjectProvider<FeedbackExamples> all) {
        this.all = all;
    }

    /** From now on, {@link #missing()} is exactly this, and {@link #examples()} includes these texts. */
    public void use(Map<String, List<LabelledText>> missing) {
        fixed = Map.copyOf(missing);
    }

    public void clear() {
        fixed = null;
    }

    @Override
    public List<LabelledText> examples() {
        List<LabelledText> out = new ArrayList<>(real().examples());
        Map<String, List<LabelledText>> given = fixed;
        if (given != null) {
            given.values().forEach(out::addAll);
        }
        return out;
    }

    @Override
    public Map<String, List<LabelledText>> missing() {
        Map<String, List<LabelledText>> given = fixed;
        return given != null ? given : real().missing();
    }

    private FeedbackExamples real() {
        return all.stream()
                .filter(f -> f != this)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the app has no FeedbackExamples of its own"));
    }
}
