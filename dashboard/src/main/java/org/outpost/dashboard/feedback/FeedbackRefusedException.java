package org.outpost.dashboard.feedback;

/**
 * Feedback that does not fit the article: an unknown topic or verdict, "missing" for a topic the
 * article already has, "right" or "wrong" for one it has not. The message names the field first,
 * so the API answers 400 saying which one.
 */
public class FeedbackRefusedException extends IllegalArgumentException {

    FeedbackRefusedException(String message) {
        super(message);
    }
}
