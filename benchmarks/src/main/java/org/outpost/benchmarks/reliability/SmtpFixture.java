package org.outpost.benchmarks.reliability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.outpost.benchmarks.app.FreePort;

/**
 * A real SMTP server (GreenMail) in the drill's JVM on one fixed loopback port, so it can be
 * stopped (connections refused, as when the mail server is down) and started again at the same
 * address the app was configured with. Messages received before a stop are kept, since GreenMail
 * forgets them when it stops.
 */
final class SmtpFixture implements AutoCloseable {

    private final int port;
    private final List<String> messageIds = new ArrayList<>();
    private GreenMail server;

    SmtpFixture() {
        this.port = FreePort.onLoopback();
    }

    int port() {
        return port;
    }

    synchronized SmtpFixture start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return this;
    }

    synchronized void stop() {
        if (server != null) {
            messageIds.addAll(idsOf(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    /** The Message-ID of every message received so far, repeats included. */
    synchronized List<String> messageIds() {
        List<String> all = new ArrayList<>(messageIds);
        if (server != null) {
            all.addAll(idsOf(server.getReceivedMessages()));
        }
        return all;
    }

    /** How often each Message-ID arrived. */
    Map<String, Integer> countsById() {
        Map<String, Integer> counts = new HashMap<>();
        messageIds().forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    /** One message as received: its envelope recipients, subject and text (every text part, joined). */
    record Mail(List<String> to, String subject, String text) {}

    /**
     * The messages received since the last start, read whole (for drills that look at who got
     * what; the ones received before a stop are only kept as ids).
     */
    synchronized List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        if (server == null) {
            return mails;
        }
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                List<String> to = new ArrayList<>();
                for (jakarta.mail.Address a : m.getAllRecipients()) {
                    to.add(a.toString().toLowerCase(java.util.Locale.ROOT));
                }
                mails.add(new Mail(to, String.valueOf(m.getSubject()), text(m)));
            } catch (MessagingException | java.io.IOException e) {
                mails.add(new Mail(List.of(), "(unreadable)", e.toString()));
            }
        }
        return mails;
    }

    /** The decoded text of every text part (quoted-printable and base64 undone, so links are whole). */
    private static String text(jakarta.mail.Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                out.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return out.toString();
        }
        return "";
    }

    /**
     * The path of the link ({@code /confirm/<token>}) in the confirmation message the app sent to
     * this address when a subscription named it (issue 15: alerts go only to confirmed addresses);
     * null when none arrived within the timeout.
     */
    String confirmationPath(String address, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/confirm/[A-Za-z0-9_-]+)");
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                for (MimeMessage m : server == null ? new MimeMessage[0] : server.getReceivedMessages()) {
                    try {
                        if (isConfirmation(m)
                                && m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
                            java.util.regex.Matcher found = link.matcher(String.valueOf(m.getContent()));
                            if (found.find()) {
                                return found.group(1);
                            }
                        }
                    } catch (MessagingException | java.io.IOException e) {
                        // not readable: not the one
                    }
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static boolean isConfirmation(MimeMessage m) throws MessagingException {
        return String.valueOf(m.getSubject()).contains("Confirm Outpost alerts");
    }

    /** Alert messages only: the confirmation messages are not what the drills count. */
    private static List<String> idsOf(MimeMessage[] messages) {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : messages) {
            try {
                if (isConfirmation(m)) {
                    continue;
                }
                ids.add(String.valueOf(m.getMessageID()));
            } catch (MessagingException e) {
                ids.add("(unreadable: " + e.getMessage() + ")");
            }
        }
        return ids;
    }

    @Override
    public void close() {
        stop();
    }
}
