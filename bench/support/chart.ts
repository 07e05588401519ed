/** A named series of points for a line chart. */
export interface Series {
  readonly name: string;
  readonly points: readonly (readonly [number, number])[];
}

export interface LineChart {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

export interface BarChart {
  readonly title: string;
  readonly yLabel: string;
  /** One group of bars per label, one bar per series name. */
  readonly groups: readonly { readonly label: string; readonly values: Readonly<Record<string, number>> }[];
}

const WIDTH = 760;
const HEIGHT = 360;
const MARGIN = { top: 40, right: 170, bottom: 50, left: 70 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A self-contained SVG line chart, with axes from zero, ticks and a legend. */
export const lineChart = (chart: LineChart): string => {
  const xs = chart.series.flatMap(({ points }) => points.map(([x]) => x));
  const ys = chart.series.flatMap(({ points }) => points.map(([, y]) => y));
  const xMax = niceCeiling(Math.max(1, ...xs));
  const yMax = niceCeiling(Math.max(1, ...ys));
  const x = (value: number): number => MARGIN.left + (value / xMax) * PLOT_WIDTH;
  const y = (value: number): number => MARGIN.top + PLOT_HEIGHT - (value / yMax) * PLOT_HEIGHT;
  const lines = chart.series.map(({ points }, index) => {
    const path = points.map(([px, py], at) => `${at === 0 ? 'M' : 'L'}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    return `<path d="${path}" fill="none" stroke="${colour(index)}" stroke-width="2"/>`;
  });
  return frame(chart.title, [
    ...axes(chart.xLabel, chart.yLabel, xMax, yMax, true),
    ...lines,
    ...legend(chart.series.map(({ name }) => name)),
  ]);
};

/** A self-contained SVG grouped bar chart, values written on the bars. */
export const barChart = (chart: BarChart): string => {
  const names = [...new Set(chart.groups.flatMap(({ values }) => Object.keys(values)))];
  const yMax = niceCeiling(Math.max(1, ...chart.groups.flatMap(({ values }) => Object.values(values))));
  const groupWidth = PLOT_WIDTH / Math.max(1, chart.groups.length);
  const barWidth = (groupWidth * 0.7) / Math.max(1, names.length);
  const bars = chart.groups.flatMap(({ label, values }, group) => {
    const left = MARGIN.left + group * groupWidth + groupWidth * 0.15;
    return [
      `<text x="${(MARGIN.left + (group + 0.5) * groupWidth).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 18}" text-anchor="middle">${escape(label)}</text>`,
      ...names.flatMap((name, index) => {
        const value = values[name];
        if (value === undefined) return [];
        const height = (value / yMax) * PLOT_HEIGHT;
        const top = MARGIN.top + PLOT_HEIGHT - height;
        const bx = left + index * barWidth;
        return [
          `<rect x="${bx.toFixed(1)}" y="${top.toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${height.toFixed(1)}" fill="${colour(index)}"/>`,
          `<text x="${(bx + barWidth / 2).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle" font-size="11">${formatNumber(value)}</text>`,
        ];
      }),
    ];
  });
  return frame(chart.title, [...axes('', chart.yLabel, 0, yMax, false), ...bars, ...legend(names)]);
};

const frame = (title: string, body: readonly string[]): string =>
  [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');

const axes = (xLabel: string, yLabel: string, xMax: number, yMax: number, xTicks: boolean): string[] => {
  const bottom = MARGIN.top + PLOT_HEIGHT;
  const elements = [
    `<line x1="${MARGIN.left}" y1="${bottom}" x2="${MARGIN.left + PLOT_WIDTH}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${bottom}" stroke="#333"/>`,
    `<text transform="translate(18 ${MARGIN.top + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = (yMax * tick) / 4;
    const at = bottom - (PLOT_HEIGHT * tick) / 4;
    elements.push(
      `<line x1="${MARGIN.left}" y1="${at}" x2="${MARGIN.left + PLOT_WIDTH}" y2="${at}" stroke="#ddd"/>`,
      `<text x="${MARGIN.left - 6}" y="${at + 4}" text-anchor="end">${formatNumber(value)}</text>`,
    );
  }
  if (xTicks) {
    for (let tick = 0; tick <= 5; tick++) {
      const at = MARGIN.left + (PLOT_WIDTH * tick) / 5;
      elements.push(`<text x="${at}" y="${bottom + 16}" text-anchor="middle">${formatNumber((xMax * tick) / 5)}</text>`);
    }
    elements.push(`<text x="${MARGIN.left + PLOT_WIDTH / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escape(xLabel)}</text>`);
  }
  return elements;
};

const legend = (names: readonly string[]): string[] =>
  names.flatMap((name, index) => {
    const top = MARGIN.top + index * 20;
    const left = WIDTH - MARGIN.right + 14;
    return [
      `<rect x="${left}" y="${top}" width="12" height="12" fill="${colour(index)}"/>`,
      `<text x="${left + 18}" y="${top + 10}">${escape(name)}</text>`,
    ];
  });

const colour = (index: number): string => COLOURS[index % COLOURS.length] ?? '#000';

/** The smallest 1, 2 or 5 times a power of ten at or above `value`. */
const niceCeiling = (value: number): number => {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value) ?? value);
};

const formatNumber = (value: number): string =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(3)));

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
