/**
 * Horizontal bars as an inline SVG, in the way of the indicators' trend chart: one labelled image,
 * every bar with its value as text, and a table next to it with the same figures for screen
 * readers (the table is the source; the chart only draws it). Narrow (360 units wide) so that its
 * texts stay readable on a phone.
 */
export interface Bar {
  key: string;
  label: string;
  value: number;
}

const WIDTH = 360;
const ROW = 40;
const BAR = 14;
const VALUE_ROOM = 44;
/** Roughly how many characters of a 12px label fit on one row. */
const LABEL_CHARS = 52;

export interface BarGeometry {
  height: number;
  rows: { key: string; label: string; value: number; y: number; width: number }[];
}

/** Where bars and labels go; pure, so tests can check the numbers. */
export function barGeometry(bars: Bar[]): BarGeometry {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = WIDTH - VALUE_ROOM;
  return {
    height: bars.length * ROW + 4,
    rows: bars.map((b, i) => ({
      key: b.key,
      label: b.label.length > LABEL_CHARS ? `${b.label.slice(0, LABEL_CHARS - 1)}…` : b.label,
      value: b.value,
      y: i * ROW,
      // A zero is a hairline, so that the row still reads as a bar.
      width: b.value > 0 ? Math.max(2, (b.value / max) * room) : 1,
    })),
  };
}

export function BarChart({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const g = barGeometry(bars);
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${g.height}`} role="img" aria-label={label} data-testid={testId}>
        <title>{label}</title>
        {g.rows.map((r) => (
          <g key={r.key} data-key={r.key}>
            <text x={0} y={r.y + 13} className="bar-label">
              {r.label}
            </text>
            <rect x={0} y={r.y + 18} width={r.width} height={BAR} className="bar" />
            <text x={r.width + 6} y={r.y + 18 + BAR - 2} className="bar-value">
              {r.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
