package org.outpost.dashboard.model;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A switch or rollback that may not happen, and why: the API answers 409 with the message, the page words the reason. */
public final class SwitchRefused extends RuntimeException {

    public enum Reason {
        /** Worse over all languages, or in one with enough held-out texts ({@link NotWorse}). */
        WORSE,
        /** Measured beside another model than the one in use now: train again. */
        OTHER_BASELINE,
        ALREADY_ACTIVE,
        /** Someone switched while this was judged. */
        CHANGED_MEANWHILE,
        /** The shipped model is in use: there is nothing before it. */
        NOTHING_TO_ROLL_BACK
    }

    private final Reason reason;
    private final NotWorse.@Nullable Refusal worse;
    private final @Nullable String baseline;

    private SwitchRefused(Reason reason, String message, NotWorse.@Nullable Refusal worse, @Nullable String baseline) {
        super(message);
        this.reason = reason;
        this.worse = worse;
        this.baseline = baseline;
    }

    static SwitchRefused worse(NotWorse.Refusal refusal) {
        return new SwitchRefused(Reason.WORSE, refusal.message(), refusal, null);
    }

    static SwitchRefused otherBaseline(String baseline, String inUse) {
        return new SwitchRefused(
                Reason.OTHER_BASELINE,
                String.format(
                        Locale.ROOT,
                        "The candidate was measured beside model %s, but %s is in use now: train again to compare"
                                + " it with the model in use",
                        baseline,
                        inUse),
                null,
                baseline);
    }

    static SwitchRefused of(Reason reason, String message) {
        return new SwitchRefused(reason, message, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The figures, when the reason is {@link Reason#WORSE}. */
    public NotWorse.@Nullable Refusal worse() {
        return worse;
    }

    /** The model it was measured beside, when the reason is {@link Reason#OTHER_BASELINE}. */
    public @Nullable String baseline() {
        return baseline;
    }
}
