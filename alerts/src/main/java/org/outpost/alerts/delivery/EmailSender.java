package org.outpost.alerts.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.alerts.ReaderTexts;
import org.outpost.alerts.subscription.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP: an HTML and a plain-text part. The Message-ID derives from the delivery, so
 * in the rare case a delivery is sent again (an instance died between the server's acceptance and
 * recording it), mail clients and servers recognise the second copy.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final AlertsProperties properties;
    private final ReaderLanguages readers;

    EmailSender(ObjectProvider<JavaMailSender> mailSender, AlertsProperties properties, ReaderLanguages readers) {
        this.mailSender = mailSender;
        this.properties = properties;
        this.readers = readers;
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Email;
    }

    @Override
    public void send(Delivery delivery, Channel channel, Message message) throws DeliveryException {
        // the owner reads why a delivery failed in their delivery log
        ReaderTexts texts = ReaderTexts.of(readers.of(delivery.owner()));
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException(texts.get("delivery.error.noMail"));
        }
        String messageId = "<delivery-" + delivery.id() + "." + delivery.subscriptionId() + "@"
                + properties.publicUrl().getHost() + ">";
        try {
            MimeMessage mime = sender instanceof JavaMailSenderImpl impl
                    ? new FixedIdMessage(impl.getSession(), messageId)
                    : sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(properties.mailFrom());
            helper.setTo(((Channel.Email) channel).address());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            mime.setHeader(
                    "List-Unsubscribe", "<" + Links.manage(properties.publicUrl(), delivery.subscriptionId()) + ">");
            mime.setHeader("X-Outpost-Delivery", Long.toString(delivery.id()));
            sender.send(mime);
        } catch (MailException | MessagingException e) {
            throw new DeliveryException(texts.get("delivery.error.mailRefused", rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + " (" + root + ")";
    }

    /** Keeps the Message-ID Outpost gives it instead of a random one at send time. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(jakarta.mail.Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
