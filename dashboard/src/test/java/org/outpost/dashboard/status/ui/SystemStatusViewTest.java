package org.outpost.dashboard.status.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.outpost.crawler.SourceStatus;
import org.outpost.dashboard.ViewTest;

class SystemStatusViewTest extends ViewTest {

    @Test
    void status_showsTheClusterTheIndexBehindTheAliasAndEachSourcesLastCrawl() {
        SystemStatusView view = navigate(SystemStatusView.class);

        Div cluster = $(Div.class).withClassName("status-cluster").single();
        assertThat(cluster.hasClassName("down")).isFalse();
        assertThat(cluster.getElement().getTextRecursively())
                .containsAnyOf("green", "yellow")
                .contains("1 node");
        Div index = $(Div.class).withClassName("status-index").single();
        assertThat(index.getElement().getTextRecursively())
                .contains("app-test-articles → app-test-articles-v1")
                .containsPattern("\\d+ originals · \\d+ copies");
        assertThat($(Span.class, $(Div.class).withClassName("status-queue").single())
                        .withClassName("status-figure")
                        .single()
                        .getText())
                .matches("[\\d,]+");
        SourceStatus sample = view.sources
                .getGenericDataView()
                .getItems()
                .filter(s -> s.source().name().equals("Sample corpus"))
                .findFirst()
                .orElseThrow();
        assertThat(sample.lastRun()).isNotNull();
    }

    @Test
    void sizes_areShownInTheLargestUnitUnder1024() {
        assertThat(SystemStatusView.bytes(512)).isEqualTo("512 B");
        assertThat(SystemStatusView.bytes(1536)).isEqualTo("1.5 KB");
        assertThat(SystemStatusView.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GB");
    }
}
