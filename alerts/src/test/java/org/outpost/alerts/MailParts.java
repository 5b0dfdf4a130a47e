package org.outpost.alerts;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;

/** The text parts of a received message, for assertions. */
public final class MailParts {

    private MailParts() {}

    public static String text(MimeMessage message) throws Exception {
        return of(message).get("text/plain");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Content type (without parameters) to text, from every part however nested. */
    public static Map<String, String> of(MimeMessage message) throws Exception {
        Map<String, String> out = new java.util.HashMap<>();
        collect(message.getContent(), out);
        return out;
    }

    private static void collect(Object content, Map<String, String> out) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.getContent() instanceof Multipart nested) {
                    collect(nested, out);
                } else {
                    out.put(
                            part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT),
                            part.getContent().toString());
                }
            }
        }
    }
}
