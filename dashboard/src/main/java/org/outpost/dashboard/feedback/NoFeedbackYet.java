package org.outpost.dashboard.feedback;

import java.util.List;
import java.util.Map;
import org.outpost.core.topic.learn.LabelledText;
import org.springframework.stereotype.Component;

/** Scaffold while the feedback store is built on its own branch: it replaces this class. */
@Component
class NoFeedbackYet implements FeedbackExamples {

    @Override
    public List<LabelledText> examples() {
        return List.of();
    }

    @Override
    public Map<String, List<LabelledText>> missing() {
        return Map.of();
    }
}
