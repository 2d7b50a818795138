// The charts every widget uses: a bar chart, a timeline and a line chart, each a <figure> with a caption, a legend, the plot
// (drawn by Chartist in draw.ts, imported only when the figure first comes on screen) and the same data as a
// <table>. The table is always in the page for screen readers (the plot is aria-hidden) and a button shows it
// to everyone. Usage:
//
//   const chart = mountChart(host, { type: 'bars', data }, strings);
//   chart.update({ type: 'bars', data: next });   // redraws (at once if the library is loaded)
//   chart.dispose();                              // stops observing, detaches the library's listeners
//
// The widget's Astro component imports chart.css (styles of lazily imported modules would be hoisted into
// every page's <head> anyway: withastro/astro#9495).
import { type BarChartData, type LineChartData, type TimelineData, timelineBars } from './series.ts';

export type { BarChartData, LineChartData, TimelineData };
export type ChartInput =
  | { type: 'bars'; data: BarChartData }
  | { type: 'timeline'; data: TimelineData }
  | { type: 'line'; data: LineChartData };

export interface ChartStrings {
  showTable: string;
  hideTable: string;
  chartLoading: string;
  notApplicable: string;
  /** Column headers of a timeline's table. */
  step: string;
  start: string;
  duration: string;
  lanes: string;
}

export interface Chart {
  update(input: ChartInput): void;
  dispose(): void;
}

type DrawModule = typeof import('./draw.ts');
let library: Promise<DrawModule> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function row(cells: string[], header = false): HTMLTableRowElement {
  const tr = el('tr');
  cells.forEach((text, i) => {
    const cell = header || i === 0 ? el('th', '', text) : el('td', '', text);
    if (header) cell.setAttribute('scope', 'col');
    else if (i === 0) cell.setAttribute('scope', 'row');
    tr.append(cell);
  });
  return tr;
}

function fillTable(table: HTMLTableElement, input: ChartInput, strings: ChartStrings): void {
  const caption = el('caption', '', input.type === 'line' ? input.data.table.caption : input.data.title);
  const head = el('thead');
  const body = el('tbody');
  if (input.type === 'line') {
    head.append(row([...input.data.table.columns], true));
    for (const cells of input.data.table.rows) body.append(row([...cells]));
  } else if (input.type === 'bars') {
    const { data } = input;
    head.append(row(['', ...data.series.map((s) => s.label)], true));
    data.categories.forEach((category, i) => {
      body.append(
        row([
          category,
          ...data.series.map((s) => {
            const value = s.values[i];
            return value === null || value === undefined ? strings.notApplicable : data.format(value);
          }),
        ]),
      );
    });
  } else {
    const { data } = input;
    head.append(row([strings.lanes, strings.step, strings.start, strings.duration], true));
    for (const lane of data.rows)
      for (const segment of lane.segments)
        body.append(
          row([lane.label, segment.label, data.formatTime(segment.start), data.formatTime(segment.duration)]),
        );
  }
  table.replaceChildren(caption, head, body);
}

function legend(input: ChartInput): HTMLElement {
  const list = el('ul', 'vc-legend');
  const entries =
    input.type === 'timeline'
      ? input.data.kinds.map((k) => ({ label: k.label, swatch: `vc-kind-${k.kind}` }))
      : input.data.series.map((s, i) => ({ label: s.label, swatch: `vc-s${i % 8}` }));
  for (const entry of entries) {
    const item = el('li');
    item.append(el('span', `vc-swatch ${entry.swatch}`), entry.label);
    list.append(item);
  }
  return list;
}

/** Rows of plot a chart needs, for its height: one per category (bars) or per track (timeline). */
function plotRows(input: ChartInput): { rows: number; perRow: number } {
  // A line chart has a fixed height: its rows are the y axis's, not the data's.
  if (input.type === 'line') return { rows: 1, perRow: 12.5 };
  if (input.type === 'bars')
    return { rows: input.data.categories.length, perRow: Math.max(2, input.data.series.length * 1.1 + 0.6) };
  return { rows: timelineBars(input.data).labels.length + 1, perRow: 2.2 };
}

export function mountChart(host: HTMLElement, first: ChartInput, strings: ChartStrings): Chart {
  let input = first;
  let drawn: { detach(): void } | undefined;
  let visible = false;
  let disposed = false;

  const figure = el('figure', `vc-chart vc-${input.type}`);
  const caption = el('figcaption', 'vc-title', input.data.title);
  const plot = el('div', 'vc-plot');
  plot.setAttribute('aria-hidden', 'true');
  const note = el('p', 'vc-note', strings.chartLoading);
  // The label says what a press does ("Show…" / "Hide…"); no aria-pressed as well, which would read as
  // "Hide the table, not pressed".
  const toggle = el('button', 'vl-button vc-toggle', strings.showTable);
  toggle.type = 'button';
  let shown = false;
  const table = el('table', 'vc-table');
  // A table ignores a 1 px width, so the wrapper is what hides it (and scrolls it sideways when shown).
  const tableBox = el('div', 'vc-table-box vc-sr-only');
  tableBox.append(table);
  let key = legend(input);
  figure.append(caption, key, plot, note, toggle, tableBox);
  host.replaceChildren(figure);

  toggle.addEventListener('click', () => {
    shown = !shown;
    toggle.textContent = shown ? strings.hideTable : strings.showTable;
    tableBox.classList.toggle('vc-sr-only', !shown);
    // Shown, it may scroll sideways: keyboard users must be able to reach it (and not while it is hidden).
    if (shown) tableBox.tabIndex = 0;
    else tableBox.removeAttribute('tabindex');
  });

  const size = () => {
    const { rows, perRow } = plotRows(input);
    // A CSSOM property, not a style attribute: allowed by the page's Content-Security-Policy.
    plot.style.height = `${Math.max(6, rows * perRow + 2.5)}rem`;
  };

  const draw = async () => {
    if (!visible || disposed) return;
    library ??= import('./draw.ts');
    const module = await library;
    if (disposed) return;
    drawn?.detach();
    drawn =
      input.type === 'bars'
        ? module.drawBars(plot, input.data)
        : input.type === 'line'
          ? module.drawLines(plot, input.data)
          : module.drawTimeline(plot, input.data);
    note.hidden = true;
    figure.dataset.drawn = '';
  };

  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    visible = true;
    observer.disconnect();
    void draw();
  });
  observer.observe(figure);
  fillTable(table, input, strings);
  size();

  return {
    update(next) {
      input = next;
      caption.textContent = next.data.title;
      const nextKey = legend(next);
      key.replaceWith(nextKey);
      key = nextKey;
      fillTable(table, next, strings);
      size();
      void draw();
    },
    dispose() {
      disposed = true;
      observer.disconnect();
      drawn?.detach();
    },
  };
}
