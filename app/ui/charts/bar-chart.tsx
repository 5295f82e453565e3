// A horizontal bar chart drawn on the server as SVG: no JavaScript needed. It is an image with a
// title and a description for screen readers; the numbers are in the table its caller puts beside it.
import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader reads it (Vietnamese number format, a currency). */
  display: string;
}

const WIDTH = 560;
const LABEL = 190;
const ROW = 26;

export function BarChart({ id, title, description, bars }: { id: string; title: string; description: string; bars: readonly Bar[] }) {
  const height = Math.max(1, bars.length) * ROW + 8;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...bars.map((b) => b.value))])
    .range([0, WIDTH - LABEL - 90]);
  const y = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([4, height - 4])
    .padding(0.2);
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((b, i) => {
        const top = y(String(i)) ?? 0;
        const middle = top + y.bandwidth() / 2;
        return (
          <g key={b.label}>
            <text x={LABEL - 8} y={middle} textAnchor="end" dominantBaseline="middle" className="chart-label">
              {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
            </text>
            <rect x={LABEL} y={top} width={Math.max(b.value > 0 ? 2 : 0, x(b.value))} height={y.bandwidth()} className="chart-bar" />
            <text x={LABEL + x(b.value) + 6} y={middle} dominantBaseline="middle" className="chart-value">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
