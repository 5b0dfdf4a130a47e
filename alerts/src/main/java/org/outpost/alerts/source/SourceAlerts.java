package org.outpost.alerts.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.SourceHealthReaders;
import org.outpost.core.source.SourceHealthChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source alerts as users read them: a notice per follower of source health for each change the
 * crawler announces (silent, failing, back), in Outpost and, when they have a confirmed address,
 * by email.
 */
@NamedInterface("source")
@Service
public class SourceAlerts {

    public static final int MAX_LIST = 200;

    private final SourceNoticeRepository notices;
    private final SourceHealthReaders followers;
    private final AccountStates accounts;
    private final ReaderProfiles profiles;
    private final ReaderLanguages languages;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SourceAlerts(
            SourceNoticeRepository notices,
            SourceHealthReaders followers,
            AccountStates accounts,
            ReaderProfiles profiles,
            ReaderLanguages languages,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            Optional<Clock> clock) {
        this.events = events;
        this.notices = notices;
        this.followers = followers;
        this.accounts = accounts;
        this.profiles = profiles;
        this.languages = languages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Tells every active follower of source health, once: a change delivered again (after a
     * restart) finds its notices there and adds none. Each user told hears of it by a {@link
     * SourceNoticesChanged} once the notices are committed.
     *
     * @return the users told now
     */
    public List<String> tell(SourceHealthChanged change) {
        Instant now = clock.instant();
        List<String> told = transactions.execute(tx -> followers.subscribers().stream()
                .distinct()
                .filter(accounts::active)
                .filter(user -> notices.insert(
                        user, change, profiles.confirmedEmail(user).isPresent(), now))
                .toList());
        if (told == null) {
            return List.of();
        }
        told.forEach(user -> events.publishEvent(new SourceNoticesChanged(user)));
        return told;
    }

    /** The user's source notices, newest first. */
    public List<SourceNotice> notices(String recipient, int limit) {
        return notices.list(recipient, Math.min(limit, MAX_LIST));
    }

    public long unread(String recipient) {
        return notices.unread(recipient);
    }

    /** Marks one (or, with null, every) notice of the user read. */
    public int markRead(String recipient, @Nullable Long id) {
        int read = notices.markRead(recipient, id, clock.instant());
        if (read > 0) {
            events.publishEvent(new SourceNoticesChanged(recipient));
        }
        return read;
    }

    /** The notice's title in this language, e.g. "Source “Asia-Plus” is silent". */
    public String title(SourceNotice notice, Locale locale) {
        return SourceNoticeText.title(notice, ReaderTexts.of(locale));
    }

    /** What happened in a sentence or two, in this language. */
    public String text(SourceNotice notice, Locale locale) {
        return SourceNoticeText.body(notice, ReaderTexts.of(locale));
    }

    /** A duration the way notices say it ("6 hours", "2 days"), in this language. */
    public String gap(Duration gap, Locale locale) {
        return SourceNoticeText.gap(gap, ReaderTexts.of(locale));
    }

    Locale language(String user) {
        return languages.of(user);
    }
}
