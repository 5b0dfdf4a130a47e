package org.outpost.dashboard.profile;

/**
 * A profile value the rules refuse. The message is English and starts with the field's name, for
 * the API (which answers it as a bad request naming the field); {@link #key()} and
 * {@link #arguments()} let the pages say the same in the reader's language.
 */
public final class ProfileRefusedException extends IllegalArgumentException {

    private final String field;
    private final String key;
    private final Object[] arguments;

    ProfileRefusedException(String field, String english, String key, Object... arguments) {
        super(english);
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** The refused field as the API names it: {@code email}, {@code timeZone}, {@code language}, {@code quietHours}. */
    public String field() {
        return field;
    }

    /** Its key in {@code vaadin-i18n/translations*.properties} ({@code profile.error.…}). */
    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
