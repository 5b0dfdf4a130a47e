package org.outpost.alerts.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.outpost.alerts.AlertsProperties;
import org.outpost.alerts.ReaderTexts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Emails a rendered report: HTML and plain-text alternatives, the chart and the places map inline by Content-ID.
 * One message per address, so recipients do not see each other.
 */
@Component
class ReportMailer {

    static final String CHART_CID = "trend-chart";
    static final String MAP_CID = "places-map";

    private final ObjectProvider<JavaMailSender> mail;
    private final AlertsProperties properties;

    ReportMailer(ObjectProvider<JavaMailSender> mail, AlertsProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * @param map the places map's PNG, or null for a report with none
     * @param texts the owner's, who reads what went wrong in the report's run list
     * @return null when every address was sent the report, else what went wrong, per address
     */
    @Nullable
    String send(
            List<String> addresses,
            String subject,
            String html,
            String text,
            byte[] chart,
            byte @Nullable [] map,
            ReaderTexts texts) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return texts.get("report.error.noMail");
        }
        List<String> failures = new ArrayList<>();
        for (String address : addresses) {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper =
                        new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
                helper.setFrom(properties.mailFrom());
                helper.setTo(address);
                helper.setSubject(subject);
                helper.setText(text, html);
                helper.addInline(CHART_CID, new ByteArrayResource(chart), "image/png");
                if (map != null) {
                    helper.addInline(MAP_CID, new ByteArrayResource(map), "image/png");
                }
                sender.send(message);
            } catch (MessagingException | MailException e) {
                failures.add(address + ": " + rootMessage(e));
            }
        }
        return failures.isEmpty()
                ? null
                : texts.get("report.error.notSent", failures.size(), addresses.size(), String.join("; ", failures));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
