package org.outpost.dashboard.suggestion;

import java.util.List;
import java.util.Set;
import org.outpost.core.language.Language;
import org.outpost.core.topic.learn.LabelledText;

/** "Missing topic" feedback of the suggestion tests: three articles that share a paraphrase the clauses miss. */
final class MissingFeedback {

    static final String TOPIC = "border_security";
    static final String PHRASE = "\"slipped across\"";

    private MissingFeedback() {}

    static List<LabelledText> borderTexts() {
        return List.of(
                text("s1", "Two men slipped across the river at night near Shahritus and were caught."),
                text("s2", "A group slipped across the river at night with sacks of flour, locals say."),
                text("s3", "Smugglers slipped across the river at night before the patrol boat came."));
    }

    private static LabelledText text(String id, String body) {
        return new LabelledText(
                "suggestion-test-" + id, Language.EN, null, body, Set.of(TOPIC), Set.of(), LabelledText.FEEDBACK);
    }
}
