package org.outpost.dashboard.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.SourceStatus;
import org.outpost.dashboard.ViewTest;

class SourcesViewTest extends ViewTest {

    @Test
    void sources_listTheSampleCorpusAsHealthy() {
        navigate(SourcesView.class);

        @SuppressWarnings("unchecked")
        Grid<SourceStatus> grid = $(Grid.class).first();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(1);
        SourceStatus sample = grid.getGenericDataView().getItems().filter(s -> s.source().name().equals("Sample corpus"))
                .findFirst().orElseThrow();
        assertThat(sample.health()).isEqualTo(SourceStatus.Health.OK);
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
}
