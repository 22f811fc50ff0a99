/**
 * An indicator's totals per period as bars, an inline SVG without a chart library: one labelled
 * image with a description; the table of totals next to it holds the same figures.
 */
import { useId } from 'react';
import { formatNumber } from '../../lib/format';
import { formatPeriod } from './format';
import { useT } from '../../lib/i18n';

const HEIGHT = 200;
const MARGIN = { top: 16, right: 12, bottom: 32, left: 40 };
const SLOT = 72;
const MIN_WIDTH = 280;

export interface ChartPoint {
  period: string;
  total: number;
}

/** A round top for the axis: 1, 2, 5, 10, 20, 50, ... at least the highest value. */
export function axisMax(value: number): number {
  if (value <= 1) return 1;
  let step = 1;
  for (;;) {
    for (const f of [1, 2, 5]) if (f * step >= value) return f * step;
    step *= 10;
  }
}

export function chartGeometry(points: ChartPoint[]) {
  const width = Math.max(MIN_WIDTH, MARGIN.left + MARGIN.right + points.length * SLOT);
  const top = axisMax(Math.max(0, ...points.map((p) => p.total)));
  const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = (width - MARGIN.left - MARGIN.right) / Math.max(1, points.length);
  const y = (v: number) => MARGIN.top + plot - (Math.max(0, v) / top) * plot;
  const barWidth = slot * 0.55;
  return {
    width,
    top,
    bars: points.map((p, i) => ({ ...p, x: MARGIN.left + i * slot + (slot - barWidth) / 2, y: y(p.total), width: barWidth, height: y(0) - y(p.total) })),
    ticks: [0, 0.5, 1].map((f) => ({ value: f * top, y: y(f * top) })),
  };
}

export function ResultsChart({ indicator, points }: { indicator: string; points: ChartPoint[] }) {
  const { t, language } = useT('programmes');
  const uid = useId().replace(/:/g, '');
  const g = chartGeometry(points);
  const title = t('programmes.results.chartTitle', { indicator });
  const description = t('programmes.results.chartDesc', {
    count: points.length,
    from: formatPeriod(points[0]?.period ?? ''),
    to: formatPeriod(points[points.length - 1]?.period ?? ''),
  });
  return (
    <figure className="results-chart" data-testid="results-chart">
      <div className="chart-scroll" role="region" aria-label={title} tabIndex={0}>
        <svg viewBox={`0 0 ${g.width} ${HEIGHT}`} width={g.width} height={HEIGHT} role="img" aria-labelledby={`${uid}-title ${uid}-desc`}>
          <title id={`${uid}-title`}>{title}</title>
          <desc id={`${uid}-desc`}>{description}</desc>
          {g.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={MARGIN.left} x2={g.width - MARGIN.right} y1={tick.y} y2={tick.y} className="chart-grid" />
              <text x={MARGIN.left - 6} y={tick.y + 4} textAnchor="end" className="chart-label">
                {formatNumber(tick.value, language)}
              </text>
            </g>
          ))}
          {g.bars.map((b) => (
            <g key={b.period} data-period={b.period}>
              {b.total > 0 && <rect x={b.x} y={b.y} width={b.width} height={b.height} className="chart-bar" />}
              <text x={b.x + b.width / 2} y={b.y - 4} textAnchor="middle" className="chart-label">
                {formatNumber(b.total, language)}
              </text>
              <text x={b.x + b.width / 2} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="chart-label">
                {formatPeriod(b.period)}
              </text>
            </g>
          ))}
          <line x1={MARGIN.left} x2={g.width - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} className="chart-axis" />
        </svg>
      </div>
      <figcaption className="muted">{description}</figcaption>
    </figure>
  );
}
