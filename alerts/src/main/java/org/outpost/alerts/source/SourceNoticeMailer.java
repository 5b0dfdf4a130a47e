package org.outpost.alerts.source;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderProfiles;
import org.outpost.alerts.ReaderTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Emails source notices to their recipients' confirmed addresses, in the recipient's language.
 * Each email is claimed by a conditional update first, so two instances never both send it; a
 * claim left by a stopped instance is taken over after {@link #CLAIM}; a refused send is tried
 * again at the next pass, {@link #ATTEMPTS} times in all. An email due in the recipient's quiet
 * hours goes back to wait, stored with the end of the window, and is sent at the first pass after
 * it (the hours are asked again then: a window changed in the meantime still counts).
 */
@Component
class SourceNoticeMailer {

    private static final Logger log = LoggerFactory.getLogger(SourceNoticeMailer.class);
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final int ATTEMPTS = 5;

    private final SourceNoticeRepository notices;
    private final SourceAlerts alerts;
    private final ReaderProfiles profiles;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertsProperties properties;
    private final Clock clock;

    SourceNoticeMailer(
            SourceNoticeRepository notices,
            SourceAlerts alerts,
            ReaderProfiles profiles,
            ObjectProvider<JavaMailSender> mail,
            AlertsProperties properties,
            Optional<Clock> clock) {
        this.notices = notices;
        this.alerts = alerts;
        this.profiles = profiles;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void retry() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending source notices by email failed: {}", e.toString());
        }
    }

    /** @return emails sent by this pass */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (long id : notices.emailsDue(now, now.minus(CLAIM), 100)) {
            Optional<SourceNotice> claimed = notices.claimEmail(id, now, now.minus(CLAIM));
            if (claimed.isPresent() && !held(claimed.get(), now) && send(claimed.get())) {
                sent++;
            }
        }
        return sent;
    }

    /** @return whether the email waits for the end of its recipient's quiet hours (put back, still claimed by none) */
    private boolean held(SourceNotice notice, Instant now) {
        Optional<Instant> release = profiles.quietHours(notice.recipient()).flatMap(quiet -> quiet.releaseAt(now));
        release.ifPresent(at -> notices.emailHeld(notice.id(), at));
        return release.isPresent();
    }

    private boolean send(SourceNotice notice) {
        Optional<String> address = profiles.confirmedEmail(notice.recipient());
        JavaMailSender sender = mail.getIfAvailable();
        if (address.isEmpty()) {
            notices.emailDone(notice.id(), "NONE", "no confirmed address");
            return false;
        }
        try {
            if (sender == null) {
                throw new IllegalStateException("email is not configured");
            }
            ReaderTexts texts = ReaderTexts.of(alerts.language(notice.recipient()));
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(address.get());
            helper.setSubject(SourceNoticeText.title(notice, texts));
            helper.setText(SourceNoticeText.body(notice, texts) + "\n\n"
                    + texts.get("source.link", properties.publicUrl().resolve("/sources")));
            mime.setHeader("X-Outpost-Source-Notice", Long.toString(notice.id()));
            sender.send(mime);
            notices.emailDone(notice.id(), "SENT", null);
            return true;
        } catch (MailException | MessagingException | IllegalStateException e) {
            boolean last = notices.emailAttempts(notice.id()) + 1 >= ATTEMPTS;
            notices.emailDone(notice.id(), last ? "FAILED" : "PENDING", e.toString());
            log.warn("Could not email source notice {} to {}: {}", notice.id(), notice.recipient(), e.toString());
            return false;
        }
    }
}
