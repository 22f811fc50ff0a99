import { useId, type ReactNode } from 'react';
import { formatCents, formatMoney, toCents } from '../../lib/money';
import { monthShort } from './format';
import { useT } from '../../lib/i18n';
import type { Ledger } from './types';

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 22, right: 12, bottom: 30, left: 64 };

/** A round upper bound for the axis (in euro, for drawing): 250, 300, 400, 500, 1000, ... */
export function axisMax(value: number): number {
  if (value <= 0) return 100;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10]) {
    if (step * magnitude >= value - 1e-9) return step * magnitude;
  }
  return 10 * magnitude;
}

function LegendItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li>
      <svg width="18" height="14" aria-hidden="true" focusable="false">
        {children}
      </svg>
      {label}
    </li>
  );
}

/**
 * The twelve months of a ledger against the monthly maximum: paid months as solid bars, expected
 * (projected) months hatched with a dashed outline, other agreements' amounts dotted below, a month
 * over the maximum marked with "!" (not by colour alone). The table next to it holds the same figures.
 */
export function AllowanceChart({ ledger }: { ledger: Ledger }) {
  const { t, language } = useT('keypersons');
  const uid = useId().replace(/:/g, '');
  // Sums in whole cents (exact); euros as a number only to draw with.
  const euros = (cents: number) => cents / 100;
  const limitText = formatMoney(ledger.ruleSet.maxPerMonth, language);
  const limit = euros(toCents(ledger.ruleSet.maxPerMonth));
  const bars = ledger.months.map((m) => ({ m, others: toCents(m.otherAgreements), own: toCents(m.counted) }));
  const highest = Math.max(limit * 1.2, ...bars.map((b) => euros(b.others + b.own)));
  const top = axisMax(highest);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => MARGIN.top + plotHeight - (Math.max(0, value) / top) * plotHeight;
  const slot = plotWidth / 12;
  const barWidth = slot * 0.62;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  const paid = bars.filter((b) => !b.m.projected && b.own > 0).length;
  const over = ledger.months.filter((m) => m.overLimit).length;

  return (
    <figure className="allowance-chart" data-testid="allowance-chart">
      {/* On a phone the chart keeps a readable size and scrolls sideways. */}
      <div className="chart-scroll" role="region" aria-label={t('keyPersons.chart.title', { year: ledger.year })} tabIndex={0}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${uid}-title ${uid}-desc`}
          preserveAspectRatio="xMidYMid meet"
        >
          <title id={`${uid}-title`}>{t('keyPersons.chart.title', { year: ledger.year })}</title>
          <desc id={`${uid}-desc`}>
            {t('keyPersons.chart.description', { limit: limitText, paid, over })}
          </desc>
          <defs>
            <pattern id={`${uid}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="8" height="8" className="chart-hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="8" className="chart-hatch-line" />
            </pattern>
            <pattern id={`${uid}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" className="chart-dots-bg" />
              <circle cx="3" cy="3" r="1.4" className="chart-dots-dot" />
            </pattern>
          </defs>
          {ticks.map((tick) => (
            <g key={tick} className="chart-tick">
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
              <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart-axis-label">
                {formatCents(Math.round(tick * 100), language).replace(/[,.]00$/, '')}
              </text>
            </g>
          ))}
          {bars.map((bar, i) => {
            const m = bar.m;
            const x = MARGIN.left + i * slot + (slot - barWidth) / 2;
            const others = euros(bar.others);
            const own = euros(bar.own);
            const ownClass = m.overLimit ? 'chart-bar-over' : m.projected ? 'chart-bar-projected' : 'chart-bar-paid';
            return (
              <g key={m.month} data-month={m.month} data-projected={m.projected || undefined} data-over={m.overLimit || undefined}>
                {others > 0 && (
                  <rect x={x} y={y(others)} width={barWidth} height={y(0) - y(others)} fill={`url(#${uid}-dots)`} className="chart-bar-others" />
                )}
                {own > 0 && (
                  <rect
                    x={x}
                    y={y(others + own)}
                    width={barWidth}
                    height={y(others) - y(others + own)}
                    className={ownClass}
                    fill={m.projected ? `url(#${uid}-hatch)` : undefined}
                  />
                )}
                {m.overLimit && (
                  <text x={x + barWidth / 2} y={y(others + own) - 5} textAnchor="middle" className="chart-over-mark">
                    !
                  </text>
                )}
                <text x={MARGIN.left + i * slot + slot / 2} y={HEIGHT - 10} textAnchor="middle" className="chart-axis-label">
                  {monthShort(i + 1, language)}
                </text>
              </g>
            );
          })}
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(limit)} y2={y(limit)} className="chart-limit" />
          <text x={WIDTH - MARGIN.right} y={y(limit) - 6} textAnchor="end" className="chart-limit-label">
            {t('keyPersons.chart.limitLabel', { limit: limitText })}
          </text>
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={y(0)} className="chart-axis" />
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} className="chart-axis" />
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          <LegendItem label={t('keyPersons.chart.legendPaid')}>
            <rect width="18" height="14" className="chart-bar-paid" />
          </LegendItem>
          <LegendItem label={t('keyPersons.chart.legendProjected')}>
            <rect width="18" height="14" fill={`url(#${uid}-hatch)`} className="chart-bar-projected" />
          </LegendItem>
          <LegendItem label={t('keyPersons.chart.legendOthers')}>
            <rect width="18" height="14" fill={`url(#${uid}-dots)`} className="chart-bar-others" />
          </LegendItem>
          <LegendItem label={t('keyPersons.chart.legendOver')}>
            <rect width="18" height="14" className="chart-bar-over" />
            <text x="9" y="11" textAnchor="middle" className="chart-over-mark chart-over-mark-small">
              !
            </text>
          </LegendItem>
          <LegendItem label={t('keyPersons.chart.legendLimit', { limit: limitText })}>
            <line x1="0" x2="18" y1="7" y2="7" className="chart-limit" />
          </LegendItem>
        </ul>
      </figcaption>
    </figure>
  );
}
