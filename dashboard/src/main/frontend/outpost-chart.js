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
//   geo (the map's countries and regions,       -> GeoComponent (roam, regions and their
//     MapOptions.java)                             tooltips are the component's own)
//   series type 'scatter' on the geo (places)   -> ScatterChart
//   init(..., { renderer: 'canvas' })           -> CanvasRenderer
//   the 'dark' theme                            -> registered by echarts/core itself
// Not used, so not imported: the 'map' series (the geo's regions carry the map's shading),
// dataset, dataZoom, visualMap, title, markLine, markArea, graphic, aria, toolbox, labelLayout,
// universalTransition.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AxisPointerComponent,
  GeoComponent,
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
  ScatterChart,
  GridComponent,
  GeoComponent,
  LegacyGridContainLabel,
  TooltipComponent,
  AxisPointerComponent,
  LegendComponent,
  MarkPointComponent,
  CanvasRenderer
]);

// The map's shapes (GeoJSON), fetched once per page from the app (never from a tile server) and
// registered under the name the option's geo asks for; the name carries the shapes' version.
const maps = new Map();

function loadMap(name, src) {
  if (!maps.has(name)) {
    maps.set(name, fetch(src, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) {
          throw new Error('map shapes: HTTP ' + response.status);
        }
        return response.json();
      })
      .then((json) => {
        // timed, so the dashboard benchmark can tell the map's own drawing from the page's
        performance.mark('outpost-map-register-start');
        echarts.registerMap(name, json);
        performance.measure('outpost-chart: map shapes registered', 'outpost-map-register-start');
      })
      .catch((error) => {
        maps.delete(name); // the next render asks again
        throw error;
      }));
  }
  return maps.get(name);
}

/**
 * <outpost-chart>: an Apache ECharts chart whose option comes from the server as JSON.
 * Clicks on a data element are sent back as a 'chart-click' event, so every bar or point can
 * drill down to the articles behind it. The chart follows the element's size and the page's
 * light or dark theme. A map's option names its shapes in geo.map; the element's map-src
 * attribute says where the app serves them, and its map-name which name they are registered under.
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
    // a map's shapes are fetched as soon as it is shown on the page, not once its option has been drawn up:
    // the fetch then overlaps the drawing of the page's other parts (a folded map, as on Explore, waits)
    const mapName = this.getAttribute('map-name');
    if (mapName && !echarts.getMap(mapName) && this.checkVisibility()) {
      loadMap(mapName, this.getAttribute('map-src')).catch((error) => console.warn('outpost-chart:', error.message));
    }
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
    const map = option.geo && option.geo.map;
    if (map && !echarts.getMap(map)) {
      const asked = this._option;
      loadMap(map, this.getAttribute('map-src'))
        .then(() => this._option === asked && this._render())
        .catch((error) => console.warn('outpost-chart:', error.message));
      return;
    }
    option.backgroundColor = 'transparent';
    // no grow-in animation: it repaints every chart on every frame for a second after the page's answer, which
    // holds up the page's other charts (the map waited ~250 ms behind it) and says nothing to a reader
    if (option.animation === undefined) {
      option.animation = false;
    }
    performance.mark('outpost-chart-draw-start');
    this._chart.setOption(option, true);
    performance.measure('outpost-chart: ' + (this.classList[0] || 'chart') + ' drawn up', 'outpost-chart-draw-start');
    this.setAttribute('rendered', '');
  }

  _dark() {
    return document.documentElement.getAttribute('theme') === 'dark';
  }
}

customElements.define('outpost-chart', OutpostChart);
