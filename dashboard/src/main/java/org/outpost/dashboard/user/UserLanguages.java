package org.outpost.dashboard.user;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The interface language of each user: the one they chose in the header, stored with the account.
 * Other modules' wiring asks {@link #of} to write to a user (alert emails, reports) in the
 * language they read the dashboard in.
 */
@Service
public class UserLanguages implements org.outpost.alerts.ReaderLanguages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    /** The languages the interface is written in, the default first. */
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, RUSSIAN);

    private final JdbcTemplate jdbc;

    UserLanguages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The language to write to this user in: the one they chose, English while they have not (or for an unknown user). */
    @Override
    public Locale of(String username) {
        return chosen(username).orElse(ENGLISH);
    }

    /** The language this user chose, empty while the browser's decides. */
    public Optional<Locale> chosen(String username) {
        List<String> codes = jdbc.queryForList("select language from users where username = ?", String.class, username);
        return codes.stream().filter(code -> code != null).findFirst().flatMap(UserLanguages::supported);
    }

    /** Remembers the user's choice; null forgets it, so the browser's language decides again. */
    @Transactional
    public void choose(String username, @Nullable Locale language) {
        String code = null;
        if (language != null) {
            code = supported(language.getLanguage())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "language must be one of " + codes() + ", was '" + language.getLanguage() + "'"))
                    .getLanguage();
        }
        if (jdbc.update("update users set language = ? where username = ?", code, username) == 0) {
            throw new NoSuchElementException("no user '" + username + "'");
        }
    }

    /** The supported language of this code ({@code ru}, {@code RU}, {@code ru-KZ}), if it is one. */
    public static Optional<Locale> supported(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    /**
     * The language for a reader who has not chosen: the first of the browser's preferred languages
     * ({@code Accept-Language}, most wanted first) that the interface is written in, else English.
     */
    public static Locale fromBrowser(List<Locale> preferred) {
        return preferred.stream()
                .map(l -> supported(l.toLanguageTag()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(ENGLISH);
    }

    static String codes() {
        return String.join(", ", SUPPORTED.stream().map(Locale::getLanguage).toList());
    }
}
