package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.core.article.Article;
import org.outpost.core.postgres.TestDatabases;

@Tag(TestDatabases.TAG)
class ReportRunTest extends ReportTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The run covers [9 March 07:00, 10 March 07:00) UTC; the previous day runs from 8 March 07:00. */
    private static final Instant END = Instant.parse("2026-03-10T07:00:00Z");

    @Test
    void aRunIsStoredEmailedWithAnInlineChartAndTextPartAndReadableAsPdf() throws Exception {
        indexTwoDays();
        try (ReportsHarness app =
                new ReportsHarness(database, index, MAIL.getSmtp().getPort())) {
            app.addUser("analyst");
            app.confirm("analyst", "desk@ngo.example");
            Report report = app.reports()
                    .create(daily("Morning brief", List.of(), List.of("desk@ngo.example", "analyst"), null), ANALYST);

            long runId = app.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, END);

            ReportRun run = app.reports().run(report.id(), runId, ANALYST);
            assertThat(run.status()).as(run.error()).isEqualTo(ReportRun.Status.SUCCEEDED);
            assertThat(run.periodStart()).isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
            assertThat(run.periodEnd()).isEqualTo(END);
            String stored = app.reports().html(report.id(), runId, ANALYST);
            assertThat(stored)
                    .contains("data:image/png;base64,")
                    .doesNotContain("cid:")
                    .contains("<td>Drug trafficking</td><td class=\"num\">4</td><td class=\"num\">1</td>")
                    .contains("+3 (+300%)")
                    .contains("<td>Terrorism</td><td class=\"num\">1</td><td class=\"num\">2</td>")
                    .contains("−1 (−50%)")
                    .contains("https://outpost.example.org/articles/")
                    .contains("https://agency-a.example/news/d1")
                    .contains("CSTO (org)");
            assertThat(stored).as("a copy is not listed or counted").doesNotContain("copy-of-d1");
            assertThat(stored)
                    .as("the spike of four drug stories in one hour")
                    .contains("Drug trafficking: 4 articles in the hour from 9 Mar 2026 12:00");
            assertThat(section(stored, "Silent sources")).contains("Agency D").doesNotContain("Agency A", "Agency C");
            assertThat(section(stored, "Where"))
                    .as("the places map, inline like the chart")
                    .contains("<img src=\"data:image/png;base64,")
                    .contains("width=\"560\" height=\"360\"");

            MimeMessage[] received = MAIL.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage mail = received[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("desk@ngo.example");
            assertThat(mail.getSubject()).isEqualTo("Morning brief: 5 articles, day to 10 Mar 2026");
            List<Part> parts = new ArrayList<>();
            flatten(mail, parts);
            Part text =
                    parts.stream().filter(p -> is(p, "text/plain")).findFirst().orElseThrow();
            Part html =
                    parts.stream().filter(p -> is(p, "text/html")).findFirst().orElseThrow();
            Part image = parts.stream()
                    .filter(p -> is(p, "image/png") && contentId(p).equals("<" + ReportMailer.CHART_CID + ">"))
                    .findFirst()
                    .orElseThrow();
            Part mapImage = parts.stream()
                    .filter(p -> is(p, "image/png") && contentId(p).equals("<" + ReportMailer.MAP_CID + ">"))
                    .findFirst()
                    .orElseThrow();
            assertThat(mapImage.getDisposition()).isEqualTo(Part.INLINE);
            java.awt.image.BufferedImage map = javax.imageio.ImageIO.read(mapImage.getInputStream());
            assertThat(map.getWidth()).isEqualTo(PlacesMap.WIDTH);
            assertThat(map.getHeight()).isEqualTo(PlacesMap.HEIGHT);
            // Khorog, named twice, is the top place: its circle is where Khorog is
            org.outpost.core.entity.geo.GeoPoint khorog = new org.outpost.core.entity.geo.GeoPoint(37.49, 71.55);
            PlacesMap.Frame frame =
                    PlacesMap.Frame.around(List.of(khorog, new org.outpost.core.entity.geo.GeoPoint(38.56, 68.77)));
            assertThat(map.getRGB((int) frame.x(khorog), (int) frame.y(khorog)) & 0xffffff)
                    .isEqualTo(PlacesMap.MARKER.getRGB() & 0xffffff);
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "report-sample-map.png"),
                    mapImage.getInputStream().readAllBytes());
            assertThat(image.getHeader("Content-ID")[0]).isEqualTo("<" + ReportMailer.CHART_CID + ">");
            assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
            byte[] png = image.getInputStream().readAllBytes();
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            // to look at: target/report-sample.{png,html,pdf}
            java.nio.file.Files.write(java.nio.file.Path.of("target", "report-sample.png"), png);
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "report-sample.html"), stored);
            assertThat((String) html.getContent())
                    .contains("src=\"cid:" + ReportMailer.CHART_CID + "\"")
                    .contains("src=\"cid:" + ReportMailer.MAP_CID + "\"")
                    .contains("+3 (+300%)");
            assertThat((String) text.getContent())
                    .contains("- Drug trafficking: 4 / 1 / +3 (+300%)")
                    .contains("- Terrorism: 1 / 2 / −1 (−50%)")
                    .contains("In Outpost: https://outpost.example.org/articles/")
                    .contains("Original: https://agency-a.example/news/d1");

            byte[] pdf = app.reports().pdf(report.id(), runId, ANALYST);
            assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF");
            java.nio.file.Files.write(java.nio.file.Path.of("target", "report-sample.pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String pdfText = new PDFTextStripper().getText(document);
                assertThat(pdfText)
                        .contains("Morning brief")
                        .contains("Drug trafficking")
                        .contains("Silent sources")
                        .contains("Agency D");
            }
        }
    }

    @Test
    void withoutAnSmtpServerTheRunIsStoredAndSaysWhyNoEmailWent() {
        indexTwoDays();
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            app.confirm("analyst", "desk@ngo.example");
            Report report = app.reports()
                    .create(daily("No mail", List.of("drug_trafficking"), List.of("desk@ngo.example"), null), ANALYST);

            long runId = app.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, END);

            ReportRun run = app.reports().run(report.id(), runId, ANALYST);
            assertThat(run.status()).isEqualTo(ReportRun.Status.EMAIL_FAILED);
            assertThat(run.error()).contains("email is not configured");
            assertThat(app.reports().html(report.id(), runId, ANALYST))
                    .contains("Drug trafficking")
                    .as("scoped to one topic")
                    .doesNotContain("<td>Terrorism</td>");
        }
    }

    @Test
    void runNowRendersInTheBackgroundAndAnEmptyPeriodSaysSo() throws Exception {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            app.confirm("analyst", "desk@ngo.example");
            Report report = app.reports().create(daily("Quiet", List.of(), List.of(), null), ANALYST);

            long runId = app.reports().runNow(report.id(), ANALYST);

            ReportRun run = awaitFinished(app, report.id(), runId);
            assertThat(run.status()).isEqualTo(ReportRun.Status.SUCCEEDED);
            assertThat(run.trigger()).isEqualTo(ReportRun.Trigger.MANUAL);
            assertThat(app.reports().html(report.id(), runId, ANALYST))
                    .contains("No articles in this period.")
                    .as("no places, no map")
                    .doesNotContain("<h2>Where</h2>");
            assertThat(app.reports().runs(report.id(), ANALYST, 10))
                    .extracting(ReportRun::id)
                    .containsExactly(runId);
        }
    }

    @Test
    void definitionsAreCheckedFieldByFieldAndOthersReportsAreNotFound() {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            app.confirm("analyst", "desk@ngo.example");
            ReportService reports = app.reports();
            assertThatThrownBy(() -> reports.create(daily("", List.of(), List.of(), null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> reports.create(daily("Two\nBcc: lines", List.of(), List.of(), null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
            assertThatThrownBy(() -> reports.create(daily("X", List.of(), List.of(), "every morning"), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("schedule"));
            assertThatThrownBy(() -> reports.create(daily("X", List.of("astrology"), List.of(), null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("topics"));
            assertThatThrownBy(
                            () -> reports.create(daily("X", List.of(), List.of("nobody-by-that-name"), null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("recipients"));
            assertThatThrownBy(() -> reports.create(daily("X", List.of(), List.of("not an@address@"), null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("recipients"));
            assertThatThrownBy(() -> reports.create(
                            new ReportDefinition(
                                    "X", "day", null, "UTC", List.of(), "heroin AND (", List.of(), List.of(), true),
                            ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("query"));
            assertThatThrownBy(() -> reports.create(
                            new ReportDefinition("X", "fortnight", null, "UTC", null, null, null, null, null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("period"));

            Report mine = reports.create(
                    new ReportDefinition("Weekly", "week", null, "Asia/Dushanbe", null, null, null, null, null),
                    ANALYST);
            assertThat(mine.schedule()).isEqualTo("0 0 7 * * MON");
            assertThat(mine.nextRunAt().atZone(mine.zone()).getHour()).isEqualTo(7);
            ReportService.Caller other = new ReportService.Caller("someone-else", false, false);
            assertThatThrownBy(() -> reports.get(mine.id(), other)).isInstanceOf(ReportNotFoundException.class);
            assertThatThrownBy(() -> reports.runNow(mine.id(), other)).isInstanceOf(ReportNotFoundException.class);
            assertThat(reports.list(other)).isEmpty();
            assertThat(reports.list(new ReportService.Caller("admin", true, false)))
                    .extracting(Report::name)
                    .contains("Weekly");
            assertThatThrownBy(() -> reports.create(
                            daily("Mine", List.of(), List.of(), null), new ReportService.Caller("viewer", false, true)))
                    .isInstanceOf(ReportReadOnlyException.class);
            assertThatThrownBy(() -> reports.create(
                            new ReportDefinition("Weekly", "week", null, null, null, null, null, null, null), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.field()).isEqualTo("name"));
        }
    }

    private void indexTwoDays() {
        Instant noon = Instant.parse("2026-03-09T12:00:00Z");
        Instant yesterday = Instant.parse("2026-03-08T12:00:00Z");
        Article d1 = article("d1", "Agency A", noon.plusSeconds(60), "drug_trafficking", 0.9, List.of("org:CSTO"));
        index.index(List.of(
                d1,
                article(
                        "d2",
                        "Agency A",
                        noon.plusSeconds(600),
                        "drug_trafficking",
                        0.7,
                        List.of("org:CSTO", "place:Khorog")),
                article("d3", "Agency A", noon.plusSeconds(1200), "drug_trafficking", 0.6, List.of()),
                article(
                        "d4",
                        "Agency B",
                        noon.plusSeconds(1800),
                        "drug_trafficking",
                        0.5,
                        List.of("country:Tajikistan", "place:Khorog", "place:Dushanbe")),
                article("t1", "Agency A", noon.plusSeconds(3 * 3600), "terrorism", 0.8, List.of("country:Tajikistan")),
                article("copy-of-d1", "Agency C", noon.plusSeconds(90), "drug_trafficking", 0.9, List.of())
                        .withDuplicateOf(d1.id()),
                article("old-d", "Agency A", yesterday, "drug_trafficking", 0.5, List.of()),
                article("old-t1", "Agency D", yesterday.plusSeconds(3600), "terrorism", 0.5, List.of()),
                article("old-t2", "Agency D", yesterday.plusSeconds(7200), "terrorism", 0.5, List.of())));
        index.refresh();
    }

    static ReportRun awaitFinished(ReportsHarness app, long reportId, long runId) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            ReportRun run = app.reports().run(reportId, runId, ANALYST);
            if (run.status() != ReportRun.Status.RUNNING || System.nanoTime() > deadline) {
                return run;
            }
            Thread.sleep(100);
        }
    }

    private static String section(String html, String title) {
        int start = html.indexOf("<h2>" + title + "</h2>");
        int end = html.indexOf("<h2>", start + 4);
        return html.substring(start, end < 0 ? html.indexOf("Sent by Outpost") : end);
    }

    private static String contentId(Part part) {
        try {
            String[] ids = part.getHeader("Content-ID");
            return ids == null ? "" : ids[0];
        } catch (MessagingException e) {
            return "";
        }
    }

    private static boolean is(Part part, String type) {
        try {
            return part.isMimeType(type);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void flatten(Part part, List<Part> into) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                flatten(body, into);
            }
        } else {
            into.add(part);
        }
    }
}
