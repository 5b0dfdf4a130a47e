package org.outpost.alerts.subscription;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.ReaderTexts;
import org.springframework.modulith.NamedInterface;

/**
 * A subscription field holds something Outpost cannot use; the message says why, for the user. The message is
 * English, as the API answers it; {@link #in(Locale)} says the same to a reader of another language.
 */
@NamedInterface("subscription")
public final class InvalidSubscriptionException extends RuntimeException {

    private final String field;
    private final @Nullable Integer position;
    private final String key;
    private final Object[] args;

    /** @param key the reason's text in the {@code org/outpost/alerts/messages} bundles, without its {@code subscription.invalid.} prefix */
    InvalidSubscriptionException(String field, String key, Object... args) {
        this(field, null, key, args, Locale.ENGLISH);
    }

    /** @param position for a query: the 1-based column where parsing failed */
    InvalidSubscriptionException(String field, @Nullable Integer position, String key, Object[] args) {
        this(field, position, key, args, Locale.ENGLISH);
    }

    private InvalidSubscriptionException(
            String field, @Nullable Integer position, String key, Object[] args, Locale locale) {
        super(ReaderTexts.of(locale).get("subscription.invalid." + key, args));
        this.field = field;
        this.position = position;
        this.key = key;
        this.args = args.clone();
    }

    /** The field at fault, as named in the API ({@code query}, {@code channels[1].url}, ...). */
    public String field() {
        return field;
    }

    /** For a query: the 1-based column where parsing failed, when the parser knows it. */
    public @Nullable Integer position() {
        return position;
    }

    /** The same refusal, its message for a reader of {@code locale} (Russian, else English). */
    public InvalidSubscriptionException in(Locale locale) {
        InvalidSubscriptionException localized = new InvalidSubscriptionException(field, position, key, args, locale);
        localized.setStackTrace(getStackTrace());
        return localized;
    }
}
