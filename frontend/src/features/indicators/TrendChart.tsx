/**
 * The trend as an inline SVG bar chart against the target. Colour is not the only signal: every bar
 * carries its value as text, the target is a dashed line with its own label, and the table that
 * follows the chart gives the same figures to screen readers (the chart is one labelled image).
 */
import { formatValue, STATUS_ICONS, targetStatus, type TargetStatus } from './format';
import { useT } from '../../lib/i18n';
import type { Direction, SeriesPoint, Unit } from './types';

const WIDTH = 640;
const HEIGHT = 260;
const TOP = 28;
const BOTTOM = 48;
const LEFT = 28;
const RIGHT = 96;
/** Roughly how wide one character of a 12px label is. */
const CHAR_WIDTH = 7;

export interface ChartGeometry {
  bars: {
    period: string;
    x: number;
    width: number;
    y: number;
    height: number;
    /** The value as text, after ✓ or ✗ when there is a target to meet. */
    label: string;
    kind: 'value' | 'missing' | 'suppressed';
    status: TargetStatus;
  }[];
  /** The dashed target line: runs of consecutive points that have a target. */
  targetRuns: { x: number; y: number }[][];
  targetLabel: { x: number; y: number; value: number } | null;
  baseline: number;
  /** Too little room for the periods side by side: they are written at a slant. */
  crowded: boolean;
  /** Too little room for the values in full above their bars: they are written short (1,5K); the
   * table below the chart gives them in full. */
  compact: boolean;
}

function compactValue(value: number, unit: Unit, language: string): string {
  const number = new Intl.NumberFormat(language, { notation: 'compact', maximumSignificantDigits: 3 }).format(value);
  if (unit === 'percentage') return `${number}%`;
  if (unit === 'euro') return `€ ${number}`;
  return number;
}

/** Where bars, labels and the target line go; pure, so tests can check the numbers. */
export function chartGeometry(
  points: SeriesPoint[],
  unit: Unit,
  direction: Direction,
  language: string,
  texts: { missing: string; suppressed: string },
): ChartGeometry {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const baseline = HEIGHT - BOTTOM;
  const plotHeight = baseline - TOP;
  const numbers = points.flatMap((p) => [p.value, p.target]).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...numbers) * 1.1;
  const y = (v: number) => baseline - (Math.max(0, v) / max) * plotHeight;
  const slot = points.length > 0 ? plotWidth / points.length : plotWidth;
  const width = Math.min(56, slot * 0.6);
  const centre = (i: number) => LEFT + slot * i + slot / 2;
  const layout = (format: (value: number, unit: Unit, language: string) => string) =>
    points.map((p, i) => {
      const x = centre(i) - width / 2;
      const status = targetStatus(p, direction);
      const empty = { period: p.period, x, width, y: baseline, height: 0, status };
      if (p.suppressed) return { ...empty, label: texts.suppressed, kind: 'suppressed' as const };
      if (p.value === null || p.value === undefined) return { ...empty, label: texts.missing, kind: 'missing' as const };
      const top = y(p.value);
      const icon = status === 'met' || status === 'not-met' ? `${STATUS_ICONS[status]} ` : '';
      return { ...empty, y: top, height: baseline - top, label: `${icon}${format(p.value, unit, language)}`, kind: 'value' as const };
    });
  const full = layout(formatValue);
  const compact = full.some((b) => b.kind === 'value' && b.label.length * CHAR_WIDTH > slot - 2);
  const bars = compact ? layout(compactValue) : full;
  const targetRuns: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  let targetLabel: ChartGeometry['targetLabel'] = null;
  points.forEach((p, i) => {
    if (typeof p.target === 'number') {
      // A run's line spans the whole slot, so that a single period's target is visible too.
      const at = { x: centre(i), y: y(p.target) };
      if (run.length === 0) run.push({ x: LEFT + slot * i, y: at.y });
      run.push(at);
      targetLabel = { x: LEFT + slot * (i + 1), y: at.y, value: p.target };
    } else if (run.length > 0) {
      run.push({ x: LEFT + slot * i, y: run[run.length - 1]!.y });
      targetRuns.push(run);
      run = [];
    }
  });
  if (run.length > 0) {
    run.push({ x: LEFT + plotWidth, y: run[run.length - 1]!.y });
    targetRuns.push(run);
  }
  return { bars, targetRuns, targetLabel, baseline, crowded: slot < 64, compact };
}

export function TrendChart({ points, unit, direction, label }: { points: SeriesPoint[]; unit: Unit; direction: Direction; label: string }) {
  const { t, language } = useT('indicators');
  const g = chartGeometry(points, unit, direction, language, {
    missing: t('indicators.chart.missing'),
    suppressed: t('indicators.chart.suppressed'),
  });
  const judged = direction !== 'neutral' && g.bars.some((b) => b.status === 'met' || b.status === 'not-met');
  const target = g.targetLabel as ChartGeometry['targetLabel'];
  return (
    <figure className="indicator-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="trend-chart">
        <title>{label}</title>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={g.baseline} y2={g.baseline} className="chart-axis" />
        {g.bars.map((b) => (
          <g key={b.period} data-period={b.period} data-kind={b.kind} data-status={b.status}>
            {b.kind === 'value' && <rect x={b.x} y={b.y} width={b.width} height={b.height} className={`chart-bar chart-bar-${b.status}`} />}
            {b.kind === 'suppressed' && (
              <rect x={b.x} y={g.baseline - 12} width={b.width} height={12} className="chart-bar-suppressed" />
            )}
          </g>
        ))}
        {g.targetRuns.map((r, i) => (
          <polyline key={i} points={r.map((p) => `${p.x},${p.y}`).join(' ')} className="chart-target" data-testid="target-line" />
        ))}
        {/* The texts last, over bars and target line (with a light halo, see the CSS). */}
        {g.bars.map((b) => {
          const centre = b.x + b.width / 2;
          return (
            <g key={b.period}>
              <text x={centre} y={(b.kind === 'value' ? b.y : g.baseline - 12) - 6} textAnchor="middle" className="chart-value">
                {b.label}
              </text>
              <text
                x={centre}
                y={g.baseline + 16}
                textAnchor={g.crowded ? 'end' : 'middle'}
                transform={g.crowded ? `rotate(-35 ${centre} ${g.baseline + 16})` : undefined}
                className="chart-period"
              >
                {b.period}
              </text>
            </g>
          );
        })}
        {target && (
          <text x={target.x + 4} y={target.y + 4} className="chart-target-label">
            {t('indicators.chart.target', { value: formatValue(target.value, unit, language) })}
          </text>
        )}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-item">
          <span className="legend-swatch legend-bar" aria-hidden="true" />
          {t('indicators.chart.legendValue')}
        </span>
        <span className="legend-item">
          <span className="legend-swatch legend-target" aria-hidden="true" />
          {t('indicators.chart.legendTarget')}
        </span>
        {judged && (
          <span className="legend-item">
            {t(direction === 'higher-is-better' ? 'indicators.chart.legendHigher' : 'indicators.chart.legendLower')}
          </span>
        )}
        <span className="muted">{t('indicators.chart.note')}</span>
      </figcaption>
    </figure>
  );
}
