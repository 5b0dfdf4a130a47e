// Only the parts of ECharts our options use (ChartOptions.java builds every option), not the
// whole library. ECharts ignores an option whose module is missing (a console warning in
// development, nothing in production), so every key ChartOptions writes is listed here with
// the module that serves it; OverviewBrowserTest checks each has a model in the browser.
//   series type 'line'                          -> LineChart
//   series type 'bar'                           -> BarChart
//   grid, xAxis, yAxis (category/value axes)    -> GridComponent
//   grid.containLabel (the ranking chart)       -> LegacyGridContainLabel (v6 lays it out otherwise)
//   tooltip (trigger axis/item)                 -> TooltipComponent
//   tooltip.axisPointer (line/shadow)           -> AxisPointerComponent (TooltipComponent's too)
//   legend (type 'scroll')                      -> LegendComponent (plain and scroll)
//   series.markPoint (spikes)                   -> MarkPointComponent
//   init(..., { renderer: 'canvas' })           -> CanvasRenderer
//   the 'dark' theme                            -> registered by echarts/core itself
// Not used, so not imported: dataset, dataZoom, visualMap, title, markLine, markArea, graphic,
// aria, toolbox, labelLayout, universalTransition.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AxisPointerComponent,
  GridComponent,
  LegendComponent,
  MarkPointComponent,
  TooltipComponent
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegacyGridContainLabel,
  TooltipComponent,
  AxisPointerComponent,
  LegendComponent,
  MarkPointComponent,
  CanvasRenderer
]);

/**
 * <outpost-chart>: an Apache ECharts chart whose option comes from the server as JSON.
 * Clicks on a data element are sent back as a 'chart-click' event, so every bar or point can
 * drill down to the articles behind it. The chart follows the element's size and the page's
 * light or dark theme.
 */
class OutpostChart extends HTMLElement {
  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._chart = echarts.init(this, this._dark() ? 'dark' : null, { renderer: 'canvas' });
    this._chart.on('click', (params) => {
      this.dispatchEvent(new CustomEvent('chart-click', {
        detail: {
          seriesName: params.seriesName || '',
          name: String(params.name ?? ''),
          dataIndex: params.dataIndex ?? -1,
          value: Array.isArray(params.value) ? String(params.value[1]) : String(params.value ?? '')
        }
      }));
    });
    this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resize.observe(this);
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  set option(json) {
    this._option = json;
    this._render();
  }

  get option() {
    return this._option;
  }

  _render() {
    if (!this._chart || !this._option) {
      return;
    }
    const option = JSON.parse(this._option);
    option.backgroundColor = 'transparent';
    this._chart.setOption(option, true);
    this.setAttribute('rendered', '');
  }

  _dark() {
    return document.documentElement.getAttribute('theme') === 'dark';
  }
}

customElements.define('outpost-chart', OutpostChart);
