package org.outpost.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodStateTest {

    private int loads;

    private PeriodState period(boolean customDays) {
        return new PeriodState("7d", customDays, () -> loads++);
    }

    private static QueryParameters address(String query) {
        return QueryParameters.fromString(query);
    }

    @Test
    void aSharedLink_setsThePeriodWithoutLoadingForEachControl() {
        PeriodState period = period(true);

        period.restore(address("range=custom&from=2026-03-01&to=2026-03-31"), () -> {});

        assertThat(period.key()).isEqualTo("custom");
        assertThat(period.from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(period.to()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(period.fromDay().isVisible()).isTrue();
        assertThat(loads).as("the page loads once itself after restoring").isZero();
    }

    @Test
    void aRangeThePageDoesNotOffer_fallsBackToTheDefault() {
        PeriodState topicPage = period(false);
        topicPage.restore(address("range=custom&from=2026-03-01&to=2026-03-31"), () -> {});
        assertThat(topicPage.key()).isEqualTo("7d");
        assertThat(topicPage.from())
                .as("custom days are not read where the page offers none")
                .isNull();

        PeriodState overview = period(true);
        overview.restore(address("range=1y&from=yesterday"), () -> {});
        assertThat(overview.key()).isEqualTo("7d");
        assertThat(overview.from()).isNull();
        assertThat(overview.fromDay().isVisible()).isFalse();
    }

    @Test
    void choosingARange_loadsOnceAndTheAddressSaysWhatIsShown() {
        PeriodState period = period(true);
        period.restore(address("range=7d"), () -> {});

        period.range().setValue("30d");

        assertThat(loads).isEqualTo(1);
        assertThat(period.address().getQueryString()).isEqualTo("range=30d");
    }

    @Test
    void customDays_standInTheAddressAfterThePagesOwnParameters() {
        PeriodState period = period(true);
        Select<String> topic = new Select<>();
        topic.setItems("", "terrorism");
        period.alsoInAddress(
                () -> {
                    Map<String, String> own = new LinkedHashMap<>();
                    if (topic.getValue() != null && !topic.getValue().isEmpty()) {
                        own.put("topic", topic.getValue());
                    }
                    return own;
                },
                topic);
        period.restore(
                address("range=custom&from=2026-03-01&to=2026-03-31&topic=terrorism"),
                () -> topic.setValue("terrorism"));
        assertThat(loads)
                .as("the page's own controls are restored without loading too")
                .isZero();

        period.toDay().setValue(LocalDate.of(2026, 4, 30));
        topic.setValue("");

        assertThat(loads).isEqualTo(2);
        assertThat(period.address().getQueryString()).isEqualTo("range=custom&from=2026-03-01&to=2026-04-30");
        topic.setValue("terrorism");
        assertThat(period.address().getQueryString())
                .isEqualTo("range=custom&topic=terrorism&from=2026-03-01&to=2026-04-30");
        assertThat(period.preset())
                .as("a link to a page without custom days carries the default")
                .isEqualTo("7d");
    }

    @Test
    void theReadersZone_loadsAgainOnlyWhenItDiffersFromTheOneCountedIn() {
        PeriodState period = period(false);
        assertThat(period.zone()).isEqualTo(ReaderZone.FALLBACK);

        period.readerIn(ReaderZone.FALLBACK);
        assertThat(loads).isZero();

        period.readerIn(ZoneId.of("Asia/Dushanbe"));
        assertThat(loads).isEqualTo(1);
        assertThat(period.zone()).isEqualTo(ZoneId.of("Asia/Dushanbe"));
    }

    @Test
    void thePeriodMenu_offersThePresetsAndCustomDaysOnlyWhereThePageHasThem() {
        assertThat(period(true).range().getListDataView().getItems())
                .containsExactly("24h", "7d", "30d", "90d", "custom");
        assertThat(period(false).range().getListDataView().getItems()).containsExactly("24h", "7d", "30d", "90d");
        assertThat(period(false).range().getLabel()).isEqualTo("Period");
        assertThat(period(false).range().getItemLabelGenerator().apply("30d")).isEqualTo("Last 30 days");
    }
}
