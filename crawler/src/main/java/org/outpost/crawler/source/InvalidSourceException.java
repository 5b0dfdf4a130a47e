package org.outpost.crawler.source;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * A source definition that cannot be saved, with the field at fault and a reason a person can act
 * on. The reason is a key of the crawler's bundle and its arguments, so the form can say it in the
 * reader's language; {@link #getMessage()} stays English for the API and the logs.
 */
@NamedInterface("source")
public final class InvalidSourceException extends RuntimeException {

    private final String field;
    private final String key;
    private final Object[] arguments;

    /**
     * @param key a key of {@code org/outpost/crawler/messages.properties}
     * @param arguments its {@code {0}}, {@code {1}}…, numbers passed as text
     */
    public InvalidSourceException(String field, String key, Object... arguments) {
        super(field + ": " + SourceTexts.in(Locale.ENGLISH).get(key, arguments));
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    /** The bundle key of the reason, e.g. {@code source.schedule.neither}. */
    public String key() {
        return key;
    }

    /** The arguments of the reason's text, as given. */
    public java.util.List<Object> arguments() {
        return java.util.List.of(arguments);
    }

    /** The reason alone, without the field, in English or Russian (any other locale reads English). */
    public String message(Locale locale) {
        return SourceTexts.in(locale).get(key, arguments);
    }
}
