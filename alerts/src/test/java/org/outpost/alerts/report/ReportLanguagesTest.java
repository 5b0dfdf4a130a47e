package org.outpost.alerts.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.alerts.MailParts;
import org.outpost.alerts.ReaderLanguages;
import org.outpost.core.article.Article;

/** A report in its owner's language, its PDF in Cyrillic, and reports narrowed to article languages. */
class ReportLanguagesTest extends ReportTestSupport {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant END = Instant.parse("2026-03-10T07:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-09T12:00:00Z");
    private static final ReaderLanguages ANALYST_READS_RUSSIAN =
            user -> user.equals(ANALYST.name()) ? Locale.of("ru") : Locale.ENGLISH;
    private static final String RUSSIAN_TITLE = "Пограничники Таджикистана задержали нарушителя с 40 кг героина";
    private static final String TAJIK_TITLE = "Дар Хуҷанд қочоқчиёни маводи мухаддир боздошт шуданд";

    @Test
    void aRussianOwnersReportIsRussianInHtmlTextEmailAndPdfWithCyrillicTitles() throws Exception {
        indexThreeLanguages();
        try (ReportsHarness app =
                new ReportsHarness(database, index, MAIL.getSmtp().getPort(), Map.of(), ANALYST_READS_RUSSIAN)) {
            app.addUser("analyst");
            app.confirm("analyst", "desk@ngo.example");
            Report report = app.reports()
                    .create(daily("Утренняя сводка", List.of(), List.of("desk@ngo.example"), null), ANALYST);

            long runId = app.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, END);

            ReportRun run = app.reports().run(report.id(), runId, ANALYST);
            assertThat(run.status()).as(run.error()).isEqualTo(ReportRun.Status.SUCCEEDED);
            String stored = app.reports().html(report.id(), runId, ANALYST);
            assertThat(stored)
                    .contains("lang=\"ru\"")
                    .contains("<h2>Статьи по темам</h2>")
                    .contains("<h2>Главные статьи</h2>")
                    .contains("<th>Тема</th>")
                    .contains("За сутки")
                    .contains("<td>Наркотрафик</td>")
                    .contains("Сутки с 9 марта 2026, 07:00 по 10 марта 2026, 07:00 (UTC)")
                    .contains("Все темы, все источники.")
                    .contains(RUSSIAN_TITLE)
                    .contains(TAJIK_TITLE)
                    .contains("<td>ОДКБ (организация)</td>")
                    .doesNotContain("Articles per topic", "Top articles", "Drug trafficking", "No articles");

            MimeMessage email = MAIL.getReceivedMessages()[0];
            assertThat(email.getSubject()).isEqualTo("Утренняя сводка: 3 статьи за день по 10 марта 2026");
            assertThat(MailParts.of(email).get("text/plain"))
                    .contains("Статьи по темам (за сутки / ранее / изменение)")
                    .contains("- Наркотрафик: 3 / 0 / +3 (впервые)")
                    .contains("В Outpost: ")
                    .contains(RUSSIAN_TITLE)
                    .contains("Отправлено Outpost: https://outpost.example.org/reports");

            byte[] pdf = app.reports().pdf(report.id(), runId, ANALYST);
            System.out.printf("Russian daily report PDF with the bundled font: %,d bytes%n", pdf.length);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains("Статьи по темам")
                        .contains("Главные статьи")
                        .contains("Наркотрафик")
                        .contains(RUSSIAN_TITLE)
                        .contains(TAJIK_TITLE);
                PDFont font = document.getPage(0)
                        .getResources()
                        .getFont(document.getPage(0)
                                .getResources()
                                .getFontNames()
                                .iterator()
                                .next());
                assertThat(font.getName()).as("the bundled font, embedded").contains("DejaVuSans");
            }
        }
    }

    @Test
    void aReportNarrowedToLanguagesCountsListsAndChartsOnlyArticlesInThem() throws Exception {
        indexThreeLanguages();
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            app.confirm("analyst", "desk@ngo.example");
            ReportService reports = app.reports();
            Report everything = reports.create(daily("All languages", List.of(), List.of(), null), ANALYST);
            Report russian = reports.create(withLanguages("Russian only", List.of("RU")), ANALYST);
            Report nationalAndEnglish =
                    reports.create(withLanguages("Tajik and English", List.of("tg", "en-GB", "tg")), ANALYST);

            assertThat(everything.languages()).isEmpty();
            assertThat(russian.languages()).containsExactly("ru");
            assertThat(nationalAndEnglish.languages()).containsExactly("tg", "en");
            assertThat(reports.get(nationalAndEnglish.id(), ANALYST)
                            .definition()
                            .languages())
                    .containsExactly("tg", "en");

            String all = html(app, everything);
            assertThat(all).contains(RUSSIAN_TITLE).contains(TAJIK_TITLE).contains("Story e1 about drug trafficking");
            String ru = html(app, russian);
            assertThat(ru)
                    .contains(RUSSIAN_TITLE)
                    .doesNotContain(TAJIK_TITLE)
                    .doesNotContain("Story e1")
                    .contains("<b>1</b> article (previous day: 0, +1 (new))")
                    .contains("Covers every topic, every source, articles in Russian.");
            String tgEn = html(app, nationalAndEnglish);
            assertThat(tgEn)
                    .contains(TAJIK_TITLE)
                    .contains("Story e1")
                    .doesNotContain(RUSSIAN_TITLE)
                    .contains("<b>2</b> articles")
                    .contains("articles in Tajik, English.");
        }
    }

    @Test
    void anUnknownLanguageCodeIsRefusedNamingTheField() {
        try (ReportsHarness app = new ReportsHarness(database, index, null)) {
            app.confirm("analyst", "desk@ngo.example");
            assertThatThrownBy(() -> app.reports().create(withLanguages("Bad", List.of("ru", "klingon")), ANALYST))
                    .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                        assertThat(e.field()).isEqualTo("languages");
                        assertThat(e.reason())
                                .isEqualTo(
                                        "unknown language 'klingon'; known languages: en, ru, tg, uz, ky, kk, other");
                    });
        }
    }

    @Test
    void aRussianReaderIsToldWhyADefinitionIsRefusedInRussian() {
        try (ReportsHarness app = new ReportsHarness(database, index, null, Map.of(), ANALYST_READS_RUSSIAN)) {
            assertThatThrownBy(() -> app.reports().create(withLanguages("Bad", List.of("klingon")), ANALYST))
                    .isInstanceOfSatisfying(InvalidReportException.class, e -> {
                        assertThat(e.field()).isEqualTo("languages");
                        assertThat(e.reason())
                                .isEqualTo(
                                        "неизвестный язык «klingon»; известные языки: en, ru, tg, uz, ky, kk, other");
                    });
            assertThatThrownBy(() -> app.reports()
                            .create(
                                    new ReportDefinition(
                                            "X", "day", null, "Mars/Olympus", null, null, null, null, null),
                                    ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.reason()).startsWith("неизвестный часовой пояс «Mars/Olympus»"));
            app.reports().create(withLanguages("Сводка", List.of()), ANALYST);
            assertThatThrownBy(() -> app.reports().create(withLanguages("Сводка", List.of()), ANALYST))
                    .isInstanceOfSatisfying(
                            InvalidReportException.class,
                            e -> assertThat(e.reason()).isEqualTo("у вас уже есть отчёт «Сводка»"));
        }
    }

    private static String html(ReportsHarness app, Report report) {
        long runId = app.bean(ReportRunner.class).runNowAndWait(report, ReportRun.Trigger.MANUAL, END);
        return app.reports().html(report.id(), runId, ANALYST);
    }

    private static ReportDefinition withLanguages(String name, List<String> languages) {
        return new ReportDefinition(name, "day", null, "UTC", List.of(), null, List.of(), List.of(), true, languages);
    }

    private void indexThreeLanguages() {
        Article english = article("e1", "Agency A", NOON, "drug_trafficking", 0.7, List.of());
        index.index(List.of(
                english,
                in(
                        "ru",
                        article("r1", "Asia-Plus", NOON.plusSeconds(600), "drug_trafficking", 0.9, List.of("org:CSTO")),
                        RUSSIAN_TITLE,
                        "Душанбе, 9 мар — Пограничники задержали на границе с Афганистаном нарушителя с 40 кг героина."),
                in(
                        "tg",
                        article("t1", "Khovar", NOON.plusSeconds(1200), "drug_trafficking", 0.8, List.of()),
                        TAJIK_TITLE,
                        "Кормандони Агентии назорати маводи нашъаовар дар Хуҷанд се нафарро боздошт карданд.")));
        index.refresh();
    }

    private static Article in(String language, Article a, String title, String body) {
        return new Article(
                a.id(),
                title,
                body,
                a.url(),
                a.canonicalUrl(),
                a.source(),
                null,
                a.datedAt(),
                null,
                null,
                language,
                a.topicScores(),
                a.topics(),
                a.entities(),
                a.contentHash(),
                null,
                null);
    }
}
