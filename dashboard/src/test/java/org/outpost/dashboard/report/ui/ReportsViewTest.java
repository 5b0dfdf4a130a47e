package org.outpost.dashboard.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.outpost.alerts.report.Report;
import org.outpost.alerts.report.ReportDefinition;
import org.outpost.alerts.report.ReportService;
import org.outpost.dashboard.ViewTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ReportsViewTest extends ViewTest {

    @Autowired
    ReportService reports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reports_runNowWhileARunIsInProgress_saysSoInsteadOfStartingAnother() {
        Report report = reports.create(
                new ReportDefinition(
                        "Busy view " + System.nanoTime(),
                        "day",
                        null,
                        "UTC",
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        true),
                new ReportService.Caller("admin", true, false));
        jdbc.sql("update report set run_started_at = ? where id = ?")
                .params(Instant.now().atOffset(ZoneOffset.UTC), report.id())
                .update();
        ReportsView view = navigate(ReportsView.class);

        view.runNow(report);

        assertThat($(Notification.class).all())
                .anySatisfy(n -> assertThat(test(n).getText()).contains("is in progress"));
        assertThat(reports.runs(report.id(), new ReportService.Caller("admin", true, false), 10))
                .isEmpty();
        jdbc.sql("update report set run_started_at = null where id = ?")
                .param(report.id())
                .update();
    }
}
