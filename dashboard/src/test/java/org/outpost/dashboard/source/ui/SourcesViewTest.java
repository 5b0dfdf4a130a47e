package org.outpost.dashboard.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.SourceStatus;
import org.outpost.dashboard.ViewTest;
import org.outpost.dashboard.ui.i18n.Texts;
import org.outpost.dashboard.user.UserLanguages;

class SourcesViewTest extends ViewTest {

    private static final Locale RU = UserLanguages.RUSSIAN;

    @Test
    void sources_listTheSampleCorpusAsHealthy() {
        navigate(SourcesView.class);

        @SuppressWarnings("unchecked")
        Grid<SourceStatus> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(1);
        SourceStatus sample = grid.getGenericDataView()
                .getItems()
                .filter(s -> s.source().name().equals("Sample corpus"))
                .findFirst()
                .orElseThrow();
        assertThat(sample.health()).isEqualTo(SourceStatus.Health.OK);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void sources_showAnActiveWebSubSubscriptionBesideTheHealthWithItsLeaseEnd() {
        long sample = sampleCorpus();
        subscription(sample, "viewtest-active", "ACTIVE", null);
        try {
            navigate(SourcesView.class);

            assertThat(webSubBadge(sample).getText()).startsWith("WebSub: active until ");
            assertThat(webSubBadge(sample).getClassNames()).contains("source-websub-active");
        } finally {
            jdbc.sql("delete from websub_subscription where callback_id = 'viewtest-active'")
                    .update();
        }
    }

    @Test
    void sources_forARussianReader_showTheHubsRefusalInRussian() {
        long sample = sampleCorpus();
        subscription(sample, "viewtest-denied", "DENIED", "the hub refused: topic not allowed");
        try {
            readIn(RU);
            navigate(SourcesView.class);

            assertThat(webSubBadge(sample).getText()).isEqualTo("WebSub отклонён: the hub refused: topic not allowed");
            assertThat(webSubBadge(sample).getClassNames()).contains("source-websub-denied");
        } finally {
            jdbc.sql("delete from websub_subscription where callback_id = 'viewtest-denied'")
                    .update();
        }
    }

    private long sampleCorpus() {
        return jdbc.sql("select id from crawl_source where name = 'Sample corpus'")
                .query(Long.class)
                .single();
    }

    private com.vaadin.flow.component.html.Span webSubBadge(long sourceId) {
        @SuppressWarnings("unchecked")
        Grid<SourceStatus> grid = $(Grid.class).first();
        var tester = test(grid);
        for (int row = 0; row < tester.size(); row++) {
            if (tester.getRow(row).source().id() == sourceId) {
                return ((com.vaadin.flow.component.html.Div) tester.getCellComponent(row, 1)) // name, health
                        .getChildren()
                        .filter(c -> c.hasClassName("source-websub"))
                        .map(com.vaadin.flow.component.html.Span.class::cast)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no WebSub badge"));
            }
        }
        throw new AssertionError("source " + sourceId + " is not listed");
    }

    private void subscription(long sourceId, String callbackId, String state, String error) {
        java.time.Instant now = java.time.Instant.now();
        jdbc.sql(
                        "insert into websub_subscription (source_id, topic, hub, callback_id, callback_url, secret, state,"
                                + " requested_at, verified_at, lease_seconds, lease_until, last_error) values"
                                + " (?, 'https://news.example/feed.xml', 'https://hub.example/', ?, ?, 'secret', ?, ?, ?, 86400, ?, ?)")
                .params(
                        sourceId,
                        callbackId,
                        "https://outpost.example/websub/" + callbackId,
                        state,
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now),
                        java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(1))),
                        error)
                .update();
    }

    @Test
    void addSource_withABadSchedule_marksTheFieldAndKeepsTheDialogOpen() {
        navigate(SourcesView.class);
        test($(Button.class).withText("Add source").first()).click();
        SourceForm form = $(SourceForm.class).single();

        test($(TextField.class, form).withCaption("Name").single()).setValue("View test agency");
        test($(TextField.class, form).withCaption("Address").single()).setValue("https://agency.example/rss");
        test($(TextField.class, form).withCaption("Schedule").single()).setValue("every hour");
        test($(Button.class, form).withText("Add source").single()).click();

        TextField schedule = $(TextField.class, form).withCaption("Schedule").single();
        assertThat(schedule.isInvalid()).isTrue();
        assertThat(schedule.getErrorMessage()).contains("cron");
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void addSource_forARussianReader_saysWhatIsWrongWithTheFieldInRussian() {
        readIn(RU);
        navigate(SourcesView.class);
        test($(Button.class).withText(Texts.get(RU, "sources.add")).first()).click();
        SourceForm form = $(SourceForm.class).single();

        test(field(form, "form.name")).setValue("Russian view test agency");
        test(field(form, "sources.col.address")).setValue("https://agency.example/rss");
        test(field(form, "reports.col.schedule")).setValue("0 0 99 * * ?");
        test($(Button.class, form).withText(Texts.get(RU, "sources.add")).single())
                .click();

        TextField schedule = field(form, "reports.col.schedule");
        assertThat(schedule.isInvalid()).isTrue();
        assertThat(schedule.getErrorMessage())
                .isEqualTo("«0 0 99 * * ?»: поле «часы» должно быть от 0 до 23, а указано 99");
        assertThat(form.isOpened()).isTrue();

        test(field(form, "reports.col.schedule")).setValue("PT1H");
        test(field(form, "sources.col.address")).setValue("ftp://agency.example/rss");
        test($(Button.class, form).withText(Texts.get(RU, "sources.add")).single())
                .click();

        TextField url = field(form, "sources.col.address");
        assertThat(url.getErrorMessage())
                .isEqualTo("адрес «ftp://agency.example/rss» должен начинаться с http:// или https://");
        assertThat(schedule.isInvalid())
                .as("the corrected field is no longer marked")
                .isFalse();
        Paragraph reason = $(Paragraph.class, form).all().stream()
                .filter(p -> p.hasClassName("form-error"))
                .findFirst()
                .orElseThrow();
        assertThat(reason.getText())
                .isEqualTo(Texts.get(RU, "sources.col.address")
                        + ": адрес «ftp://agency.example/rss» должен начинаться с http:// или https://");
    }

    private TextField field(SourceForm form, String labelKey) {
        return $(TextField.class, form).withCaption(Texts.get(RU, labelKey)).single();
    }

    @Test
    void importOpml_previewsNewPresentAndInvalidEntriesAndAddsOnlyTheNewOnes() {
        navigate(SourcesView.class);
        test($(Button.class).withText("Import OPML").first()).click();
        OpmlImportDialog dialog = $(OpmlImportDialog.class).single();
        String name = "View OPML agency " + System.nanoTime();
        test($(com.vaadin.flow.component.textfield.TextArea.class, dialog).single())
                .setValue("<opml version=\"2.0\"><body>"
                        + "<outline type=\"rss\" text=\"" + name + "\" xmlUrl=\"https://view-opml-" + System.nanoTime()
                        + ".example/rss\"/>"
                        + "<outline type=\"rss\" text=\"Broken\" xmlUrl=\"gopher://old.example/\"/>"
                        + "</body></opml>");
        Button apply = $(Button.class, dialog).withText("Add the new sources").single();
        assertThat(apply.isEnabled()).isFalse();

        test($(Button.class, dialog).withText("Preview").single()).click();

        @SuppressWarnings("unchecked")
        Grid<org.outpost.crawler.opml.OpmlEntry> entries = $(Grid.class, dialog).single();
        assertThat(entries.getGenericDataView().getItems().map(e -> e.status().name()))
                .containsExactly("NEW", "INVALID");
        assertThat($(Paragraph.class, dialog)
                        .withClassName("opml-summary")
                        .single()
                        .getText())
                .startsWith("1 new, 0 already here, 1 invalid");
        assertThat(apply.isEnabled()).isTrue();

        test(apply).click();

        @SuppressWarnings("unchecked")
        Grid<SourceStatus> grid = $(Grid.class).first();
        assertThat(grid.getGenericDataView().getItems().map(s -> s.source().name()))
                .contains(name)
                .doesNotContain("Broken");
    }
}
