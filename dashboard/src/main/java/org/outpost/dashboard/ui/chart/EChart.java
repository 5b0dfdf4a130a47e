package org.outpost.dashboard.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.Map;

/**
 * An Apache ECharts chart. The option is ECharts' own JSON (built with {@link ChartOptions});
 * clicks on data elements come back as {@link ClickEvent}s for drill-down.
 */
@Tag("outpost-chart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./outpost-chart.js")
public class EChart extends Component implements HasSize, HasStyle {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** Replaces the chart's option (series, axes, legend…) with this one. */
    public void setOption(Map<String, Object> option) {
        try {
            getElement().setProperty("option", JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chart option is not JSON-serialisable", e);
        }
    }

    public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }

    /** A click on a bar, point or slice: its series, its category (x value) and its index. */
    @DomEvent("chart-click")
    public static class ClickEvent extends ComponentEvent<EChart> {

        private final String seriesName;
        private final String name;
        private final int dataIndex;

        public ClickEvent(
                EChart source,
                boolean fromClient,
                @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.name = name;
            this.dataIndex = dataIndex;
        }

        public String seriesName() {
            return seriesName;
        }

        public String name() {
            return name;
        }

        public int dataIndex() {
            return dataIndex;
        }
    }
}
