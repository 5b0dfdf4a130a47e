package org.outpost.dashboard.feedback;

import java.util.List;
import java.util.Map;
import org.outpost.core.topic.learn.LabelledText;

/**
 * Analysts' feedback as labelled text, for training and for clause suggestions. Per article and
 * topic the verdict most users gave counts ("right" and "missing topic" say yes, "wrong" no, "not
 * relevant to us" no for every topic); a tie says nothing.
 */
public interface FeedbackExamples {

    /** Every article with feedback, labelled for the topics its feedback names (origin {@link LabelledText#FEEDBACK}). */
    List<LabelledText> examples();

    /** Per topic, the articles analysts said were missing it (the rules and model did not label them). */
    Map<String, List<LabelledText>> missing();
}
