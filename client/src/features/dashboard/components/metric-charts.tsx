import { memo, useMemo, useRef, type ReactElement } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatClock, formatCount, formatDollars, formatDollarsCompact, formatMb, formatMs, formatRate } from "../format";
import { thinRows, timeTicks, type ChartRow } from "../series";
import { useOnScreen } from "../use-on-screen";

/*
 * Okabe–Ito colours (distinguishable with every common colour-vision deficiency), limited to the ones with at least
 * 3:1 contrast on white (WCAG 1.4.11). Lines in one chart also differ by dash pattern, and the legend names them.
 */
const COLOURS = { blue: "#0072B2", vermillion: "#D55E00", green: "#009E73", black: "#1c1917" } as const;
const DASHED = "6 3";
const DOTTED = "2 3";

type Formatter = (value: number) => string;
type Figure = Exclude<keyof ChartRow, "t">;

interface SeriesConfig {
  key: Figure;
  name: string;
  colour: string;
  dash?: string;
  format: Formatter;
  /** Shorter labels for the axis ticks (defaults to `format`). */
  axisFormat?: Formatter;
  /** The right-hand axis (a second unit in the same chart). */
  right?: boolean;
}

interface ChartConfig {
  id: string;
  title: string;
  description: string;
  /** "line" draws every series as a line; "area" fills under them. */
  kind: "line" | "area";
  /** Running totals move in whole steps: draw them as a staircase. */
  step?: boolean;
  series: readonly SeriesConfig[];
}

const percentFormatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const pct: Formatter = (value) => `${percentFormatter.format(value)}%`;
const wholeFormatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const mbAxis: Formatter = (mb) => (mb >= 1024 ? `${percentFormatter.format(mb / 1024)} GB` : `${wholeFormatter.format(mb)} MB`);
const revenueAxis: Formatter = (v) => (v >= 10_000 ? formatDollarsCompact(v) : formatDollars(v));

/** Static, so the charts get the same props every second (Recharts re-registers axes whose props change). */
const CHARTS: readonly ChartConfig[] = [
  {
    id: "requests",
    title: "Request rate",
    description: "API requests per second on this server (health checks and /metrics excluded).",
    kind: "area",
    series: [{ key: "requestsPerSecond", name: "Requests", colour: COLOURS.blue, format: formatRate }],
  },
  {
    id: "latency",
    title: "Latency",
    description: "Response time percentiles, in milliseconds.",
    kind: "line",
    series: [
      { key: "p50Ms", name: "p50", colour: COLOURS.green, format: formatMs },
      { key: "p95Ms", name: "p95", colour: COLOURS.blue, dash: DASHED, format: formatMs },
      { key: "p99Ms", name: "p99", colour: COLOURS.vermillion, dash: DOTTED, format: formatMs },
    ],
  },
  {
    id: "errors",
    title: "Errors",
    description: "Share of responses with a 5xx status.",
    kind: "area",
    series: [{ key: "errorPercent", name: "Error rate", colour: COLOURS.vermillion, format: pct }],
  },
  {
    id: "process",
    title: "Memory and CPU",
    description: "This server process: resident and heap memory (left axis), CPU time as % of one core (right axis).",
    kind: "line",
    series: [
      { key: "rssMb", name: "RSS", colour: COLOURS.blue, format: formatMb, axisFormat: mbAxis },
      { key: "heapMb", name: "Heap used", colour: COLOURS.green, dash: DOTTED, format: formatMb, axisFormat: mbAxis },
      { key: "cpuPercent", name: "CPU", colour: COLOURS.vermillion, dash: DASHED, format: pct, right: true },
    ],
  },
  {
    id: "orders",
    title: "Orders today",
    description: "Running count of paid, shipped or delivered orders since 00:00 UTC.",
    kind: "line",
    step: true,
    series: [{ key: "ordersToday", name: "Orders today", colour: COLOURS.black, format: formatCount }],
  },
  {
    id: "revenue",
    title: "Revenue today",
    description: "Running total of those orders since 00:00 UTC.",
    kind: "area",
    step: true,
    series: [{ key: "revenueToday", name: "Revenue today", colour: COLOURS.green, format: formatDollars, axisFormat: revenueAxis }],
  },
];

const TICK_STYLE = { fill: "#57534e", fontSize: 12 } as const;
const AXIS_STROKE = "#a8a29e";
const LEGEND_STYLE = { fontSize: 13, color: "#44403c" } as const;
const ZERO_BASED: [number, "auto"] = [0, "auto"];
const clockTick = (t: number) => formatClock(t);
const clockLabel = (t: unknown) => formatClock(Number(t));

function peak(rows: readonly ChartRow[], key: Figure): number {
  return rows.reduce((max, row) => Math.max(max, row[key]), 0);
}

/** What the chart says, in words: the latest values and the peak of the window (for screen readers and the svg's desc). */
function describe(rows: readonly ChartRow[], series: readonly SeriesConfig[]): string {
  const last = rows[rows.length - 1];
  if (!last) return "No data yet.";
  const latest = series.map((s) => `${s.name} ${s.format(last[s.key])}`).join(", ");
  const peaks = series.map((s) => `${s.name} ${s.format(peak(rows, s.key))}`).join(", ");
  return `At ${formatClock(last.t)}: ${latest}. Highest in the window shown: ${peaks}.`;
}

function renderChart(config: ChartConfig, rows: readonly ChartRow[], summary: string): ReactElement {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const left = config.series.find((s) => !s.right);
  const right = config.series.find((s) => s.right);
  const formats = new Map(config.series.map((s) => [s.name, s.format]));
  const curve = config.step ? "stepAfter" : "linear";
  const children = [
    <CartesianGrid key="grid" stroke="#e7e5e4" vertical={false} />,
    <XAxis
      key="x"
      dataKey="t"
      type="number"
      scale="time"
      domain={[first.t, last.t]}
      ticks={timeTicks(first.t, last.t)}
      tickFormatter={clockTick}
      tick={TICK_STYLE}
      stroke={AXIS_STROKE}
    />,
    <YAxis key="y" yAxisId="left" width={72} domain={ZERO_BASED} tickFormatter={left?.axisFormat ?? left?.format} tick={TICK_STYLE} stroke={AXIS_STROKE} />,
    right ? (
      <YAxis
        key="y2"
        yAxisId="right"
        orientation="right"
        width={52}
        domain={ZERO_BASED}
        tickFormatter={right.axisFormat ?? right.format}
        tick={TICK_STYLE}
        stroke={AXIS_STROKE}
      />
    ) : null,
    <Tooltip
      key="tooltip"
      isAnimationActive={false}
      labelFormatter={clockLabel}
      formatter={(value, name) => [(formats.get(String(name)) ?? String)(Number(value)), name]}
    />,
    // Legend in the series' own order (Recharts sorts by name unless told otherwise).
    <Legend key="legend" verticalAlign="top" align="left" height={28} iconType="plainline" itemSorter={null} wrapperStyle={LEGEND_STYLE} />,
  ];
  const common = { data: rows as ChartRow[], margin: { top: 4, right: right ? 0 : 12, bottom: 0, left: 0 }, title: config.title, desc: summary };
  if (config.kind === "area") {
    return (
      <AreaChart {...common}>
        {children}
        {config.series.map((s) => (
          <Area
            key={s.key}
            yAxisId="left"
            type={curve}
            dataKey={s.key}
            name={s.name}
            stroke={s.colour}
            strokeWidth={2}
            fill={s.colour}
            fillOpacity={0.15}
            dot={false}
            activeDot={{ r: 3 }}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    );
  }
  return (
    <LineChart {...common}>
      {children}
      {config.series.map((s) => (
        <Line
          key={s.key}
          yAxisId={s.right ? "right" : "left"}
          type={curve}
          dataKey={s.key}
          name={s.name}
          stroke={s.colour}
          strokeWidth={2}
          strokeDasharray={s.dash}
          dot={false}
          activeDot={{ r: 3 }}
          // A new point each second would re-animate the whole line.
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

interface ChartBodyProps {
  config: ChartConfig;
  rows: readonly ChartRow[];
  summary: string;
  /** False while off screen: the drawing keeps its last state instead of redrawing every second. */
  active: boolean;
}

const ChartBody = memo(
  function ChartBody({ config, rows, summary }: ChartBodyProps) {
    if (rows.length < 2) {
      return (
        <p className="flex h-full items-center justify-center rounded-xl border border-dashed border-stone-300 px-4 text-center text-sm text-stone-600">
          Collecting data: the chart starts after a few seconds.
        </p>
      );
    }
    return (
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 224 }}>
        {renderChart(config, rows, summary)}
      </ResponsiveContainer>
    );
  },
  (previous, next) => previous.config === next.config && (!next.active || previous.rows === next.rows),
);

const ChartCard = memo(function ChartCard({ config, rows }: { config: ChartConfig; rows: readonly ChartRow[] }) {
  const titleId = `chart-${config.id}-title`;
  const summary = describe(rows, config.series);
  const figure = useRef<HTMLElement>(null);
  const onScreen = useOnScreen(figure);
  return (
    <figure
      ref={figure}
      aria-labelledby={titleId}
      data-testid={`chart-${config.id}`}
      data-points={rows.length}
      data-last-at={rows[rows.length - 1]?.t}
      className="flex min-w-0 flex-col rounded-2xl border border-stone-200 bg-white p-4 shadow-sm"
    >
      <figcaption>
        <h2 id={titleId} className="text-base font-semibold text-stone-900">
          {config.title}
        </h2>
        <p className="mt-0.5 text-sm text-stone-600">{config.description}</p>
      </figcaption>
      {/* mt-auto: charts side by side line up even when one description wraps to two lines. */}
      <div className="mt-auto h-60 pt-3">
        <ChartBody config={config} rows={rows} summary={summary} active={onScreen} />
      </div>
      <p className="sr-only">{summary}</p>
    </figure>
  );
});

/**
 * The six live charts over the same window (15 minutes: the 5-second history, then a point a second). Memoised on
 * `rows`, so a paused dashboard does not redraw while snapshots keep arriving.
 */
export const MetricCharts = memo(function MetricCharts({ rows }: { rows: readonly ChartRow[] }) {
  const drawn = useMemo(() => thinRows(rows), [rows]);
  return (
    <div className="grid min-w-0 gap-4 lg:grid-cols-2">
      {CHARTS.map((config) => (
        <ChartCard key={config.id} config={config} rows={drawn} />
      ))}
    </div>
  );
});
