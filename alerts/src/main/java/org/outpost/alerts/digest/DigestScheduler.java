package org.outpost.alerts.digest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.outpost.alerts.AccountStates;
import org.outpost.alerts.delivery.DeliveryPlanner;
import org.outpost.alerts.delivery.Story;
import org.outpost.alerts.match.MatchRepository;
import org.outpost.alerts.quiet.QuietTimes;
import org.outpost.alerts.subscription.Subscription;
import org.outpost.alerts.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends digests whose time has come: all matches since the previous digest in one message per
 * channel. Moving the subscription's next digest time is the claim, in the same transaction as
 * the deliveries, so one instance sends each digest; an empty digest is not sent.
 *
 * <p>A digest due in its subscription's quiet hours waits for their end: its time is moved there,
 * the matches stay undigested, and at the end one digest carries them all (an hourly digest does
 * not become a stack of messages in the morning). The next one is then due at its usual time.
 */
@Component
public class DigestScheduler {

    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    /** More than this waits for the next digest rather than making one unreadable message. */
    static final int MAX_STORIES = 200;

    private final SubscriptionRepository subscriptions;
    private final MatchRepository matches;
    private final DeliveryPlanner planner;
    private final TransactionTemplate transactions;
    private final AccountStates accounts;
    private final Clock clock;
    private final QuietTimes quiet;

    public DigestScheduler(
            SubscriptionRepository subscriptions,
            MatchRepository matches,
            DeliveryPlanner planner,
            PlatformTransactionManager transactionManager,
            AccountStates accounts,
            Optional<Clock> clock,
            QuietTimes quiet) {
        this.subscriptions = subscriptions;
        this.matches = matches;
        this.planner = planner;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemUTC());
        this.quiet = quiet;
    }

    /** @return how many digests were planned */
    public int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Subscription s : subscriptions.dueDigests(now)) {
            Instant seen = s.nextDigestAt();
            if (seen == null || !s.frequency().isDigest()) {
                continue;
            }
            Optional<Instant> release = quiet.releaseAt(s, now);
            if (release.isPresent()) {
                if (subscriptions.claimDigest(s.id(), seen, release.get())) {
                    log.info(
                            "Digest of subscription {} ({}) waits for quiet hours to end at {}",
                            s.id(),
                            s.name(),
                            release.get());
                }
                continue;
            }
            Boolean planned = transactions.execute(tx -> {
                if (!subscriptions.claimDigest(s.id(), seen, s.digestSchedule().next(now))) {
                    return false;
                }
                if (!s.isActive(now) || !accounts.active(s.owner())) {
                    // muted, paused, or the owner's account disabled: the matches wait for the first digest after
                    return false;
                }
                List<Story> stories = matches.undigested(s.id(), MAX_STORIES);
                if (stories.isEmpty()) {
                    return false;
                }
                planner.digest(s, stories, now);
                matches.markDigested(
                        s.id(), stories.stream().map(Story::storyId).toList());
                return true;
            });
            if (Boolean.TRUE.equals(planned)) {
                sent++;
                log.info("Digest of subscription {} ({}) planned", s.id(), s.name());
            }
        }
        return sent;
    }
}
