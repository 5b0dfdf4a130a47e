package org.outpost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The confirmation messages the app sent to email recipients (issue 15), and their links. */
public final class ConfirmationLinks {

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/confirm/[A-Za-z0-9_-]+)");

    private ConfirmationLinks() {}

    /** The confirmation messages sent to this address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(OutpostApp.MAIL.getReceivedMessages())
                .filter(m ->
                        recipient(m).equalsIgnoreCase(address) && subject(m).contains("Confirm Outpost alerts"))
                .toList();
    }

    /** The one confirmation message sent to this address, asserting there is exactly one. */
    public static MimeMessage onlyTo(String address) {
        List<MimeMessage> sent = to(address);
        assertThat(sent).as("confirmations to " + address).hasSize(1);
        return sent.getFirst();
    }

    /** The path of the message's link, {@code /confirm/<token>}. */
    public static String path(MimeMessage message) {
        try {
            Matcher m = LINK.matcher((String) message.getContent());
            assertThat(m.find()).as("a confirmation link").isTrue();
            return m.group(1);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
