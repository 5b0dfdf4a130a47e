package org.outpost.dashboard.user;

/**
 * A change to an account that the rules refuse (a name, a password, the last admin). The message
 * is English, for the API and the logs; {@link #key()} and {@link #arguments()} let the users page
 * say the same in the reader's language from the dashboard's bundles. An
 * {@link IllegalArgumentException}, so the API answers it as a bad request, as before.
 */
public final class UserRefusedException extends IllegalArgumentException {

    private final String key;
    private final Object[] arguments;

    /**
     * @param english the reason as the API tells it
     * @param key its key in {@code vaadin-i18n/translations*.properties} ({@code users.error.…})
     */
    UserRefusedException(String english, String key, Object... arguments) {
        super(english);
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    /** The values of the key's {@code {0}}, {@code {1}}…. */
    public Object[] arguments() {
        return arguments.clone();
    }
}
