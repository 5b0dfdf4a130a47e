package org.outpost.alerts.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email recipients confirm by a link before alerts or reports are sent to them, as Google Alerts
 * does: anyone can type any address into a subscription, and the person behind it has not asked
 * for Outpost's mail. One confirmation per owner and address covers all that owner's alerts and
 * reports to it. An address gets one confirmation message, not one per alert or save; its owner
 * may send another after {@code confirmationResend}.
 *
 * <p>The link carries a random token; the database keeps only its SHA-256, and the link works for
 * {@code confirmationExpiry}.
 */
@NamedInterface("subscription")
@Service
public class EmailConfirmations {

    /** Where an address stands for one owner. */
    public enum State {
        CONFIRMED,
        /** A confirmation message is on its way or was sent; nothing else goes there until it is confirmed. */
        WAITING
    }

    /** What a click on a link did. */
    public enum Outcome {
        CONFIRMED,
        EXPIRED,
        UNKNOWN
    }

    /**
     * @param owner and {@code address} are null when the link is unknown
     * @param now whether this click confirmed it (false: confirmed before, or not at all)
     */
    public record Result(
            Outcome outcome,
            @Nullable String owner,
            @Nullable String address,
            boolean now) {}

    private static final Logger log = LoggerFactory.getLogger(EmailConfirmations.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertsProperties properties;
    private final ReaderLanguages readers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public EmailConfirmations(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> mail,
            AlertsProperties properties,
            ReaderLanguages readers,
            Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.mail = mail;
        this.properties = properties;
        this.readers = readers;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** How soon an owner may send a confirmation again. */
    public java.time.Duration resendAfter() {
        return properties.confirmationResend();
    }

    public boolean isConfirmed(String owner, String address) {
        return jdbc.sql("select count(*) from alert_email_confirmation where owner = ? and address = ?"
                                + " and confirmed_at is not null")
                        .params(owner, normal(address))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The owner's addresses that have a confirmation, each with where it stands. */
    public Map<String, State> states(String owner) {
        return jdbc
                .sql("select address, confirmed_at from alert_email_confirmation where owner = ?")
                .param(owner)
                .query((rs, n) ->
                        Map.entry(rs.getString(1), rs.getTimestamp(2) == null ? State.WAITING : State.CONFIRMED))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public State state(String owner, String address) {
        return isConfirmed(owner, address) ? State.CONFIRMED : State.WAITING;
    }

    /**
     * For a report or alert about to be emailed: true when the address is confirmed; otherwise
     * makes sure a confirmation is on its way (sent by {@link #sendPending()}) and says false.
     */
    public boolean allowed(String owner, String address) {
        if (isConfirmed(owner, address)) {
            return true;
        }
        record(owner, address);
        return false;
    }

    /** A subscription or report was saved with these addresses: ask each new one once. */
    public void request(String owner, List<String> addresses) {
        for (String address : addresses) {
            if (record(owner, address)) {
                send(owner, normal(address));
            }
        }
    }

    /**
     * Sends the owner's confirmation to this address again, with a new link (the old one stops
     * working); false when it is confirmed already, unknown, or the last was sent less than
     * {@code confirmationResend} ago.
     */
    public boolean resend(String owner, String address) {
        Instant before = clock.instant().minus(properties.confirmationResend());
        boolean reset = jdbc.sql("update alert_email_confirmation set sent_at = null where owner = ? and address = ?"
                                + " and confirmed_at is null and (sent_at is null or sent_at < ?)")
                        .params(owner, normal(address), Timestamp.from(before))
                        .update()
                > 0;
        return reset && send(owner, normal(address));
    }

    /** Sends the confirmations not sent yet (a mail server that was away, addresses met while planning). */
    public int sendPending() {
        List<Map.Entry<String, String>> unsent = jdbc.sql(
                        "select owner, address from alert_email_confirmation where sent_at is null and confirmed_at is null"
                                + " order by created_at fetch first 50 rows only")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list();
        int sent = 0;
        for (var e : unsent) {
            sent += send(e.getKey(), e.getValue()) ? 1 : 0;
        }
        return sent;
    }

    /** What the public link does. */
    public Result confirm(String token) {
        record Row(
                String owner,
                String address,
                @Nullable Timestamp expires,
                @Nullable Timestamp confirmed) {}
        Optional<Row> row = jdbc.sql("select owner, address, expires_at, confirmed_at from alert_email_confirmation"
                        + " where token_hash = ?")
                .param(hash(token))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4)))
                .optional();
        if (row.isEmpty()) {
            return new Result(Outcome.UNKNOWN, null, null, false);
        }
        Row r = row.get();
        if (r.confirmed() != null) {
            return new Result(Outcome.CONFIRMED, r.owner(), r.address(), false);
        }
        Instant now = clock.instant();
        if (r.expires() == null || !r.expires().toInstant().isAfter(now)) {
            return new Result(Outcome.EXPIRED, r.owner(), r.address(), false);
        }
        boolean changed =
                jdbc.sql("update alert_email_confirmation set confirmed_at = ? where owner = ? and address = ?"
                                        + " and confirmed_at is null")
                                .params(Timestamp.from(now), r.owner(), r.address())
                                .update()
                        > 0;
        log.info("{} confirmed alerts of {} to their address", r.address(), r.owner());
        return new Result(Outcome.CONFIRMED, r.owner(), r.address(), changed);
    }

    /** @return true when the row is new, so a confirmation is to be sent */
    private boolean record(String owner, String address) {
        try {
            // mostly called inside the caller's transaction (matching an article, planning a
            // report): a failed statement aborts a whole PostgreSQL transaction, so the insert
            // that finds the row there already runs under a savepoint and only it is undone
            return Boolean.TRUE.equals(savepoint.execute(
                    tx -> jdbc.sql("insert into alert_email_confirmation (owner, address, created_at) values (?, ?, ?)")
                                    .params(owner, normal(address), Timestamp.from(clock.instant()))
                                    .update()
                            > 0));
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Claims the row (another instance may be sending it), gives it a new token and mails the
     * link; on failure the row is left unsent for {@link #sendPending()}.
     */
    private boolean send(String owner, String address) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        boolean claimed = jdbc.sql("update alert_email_confirmation set sent_at = ?, token_hash = ?, expires_at = ?"
                                + " where owner = ? and address = ? and sent_at is null and confirmed_at is null")
                        .params(
                                Timestamp.from(now),
                                hash(token),
                                Timestamp.from(now.plus(properties.confirmationExpiry())),
                                owner,
                                address)
                        .update()
                > 0;
        if (!claimed) {
            return false;
        }
        try {
            sender.send(message(owner, address, token));
            return true;
        } catch (MailException e) {
            log.warn("Confirmation to {} not sent, tried again later: {}", address, e.getMessage());
            jdbc.sql("update alert_email_confirmation set sent_at = null where owner = ? and address = ?")
                    .params(owner, address)
                    .update();
            return false;
        }
    }

    /** In the owner's language first and then the other: the recipient's language is not known. */
    private SimpleMailMessage message(String owner, String address, String token) {
        String link = properties.publicUrl().toString().replaceAll("/+$", "") + "/confirm/" + token;
        Locale first = readers.of(owner);
        List<ReaderTexts> texts = ReaderTexts.RUSSIAN.getLanguage().equals(first.getLanguage())
                ? List.of(ReaderTexts.of(ReaderTexts.RUSSIAN), ReaderTexts.of(Locale.ENGLISH))
                : List.of(ReaderTexts.of(Locale.ENGLISH), ReaderTexts.of(ReaderTexts.RUSSIAN));
        long days = properties.confirmationExpiry().toDays();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(address);
        message.setSubject(
                texts.stream().map(t -> t.get("confirmation.subject")).collect(Collectors.joining(" / ")));
        message.setText(texts.stream()
                .map(t -> t.get("confirmation.body", owner, address, link, String.valueOf(days)))
                .collect(Collectors.joining("\n\n---\n\n")));
        return message;
    }

    static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
