/**
 * Jobs realised per month as bars against the ambition as a dotted line, an inline SVG without a
 * chart library. One labelled image with a description; the table next to it holds the same figures.
 */
import { useId } from 'react';
import { formatJobs, formatMonth, monthName, num } from './format';
import { useT } from '../../lib/i18n';
import type { Progress } from './types';

const HEIGHT = 240;
const MARGIN = { top: 16, right: 12, bottom: 40, left: 40 };
const SLOT = 40;
const MIN_WIDTH = 360;

/** A round top for the axis: at least 1 job, then 2, 3, 4, 5, 10, ... */
export function jobsAxisMax(value: number): number {
  if (value <= 1) return 1;
  for (const step of [2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 50, 100]) if (step >= value) return step;
  return Math.ceil(value / 100) * 100;
}

export interface ProgressGeometry {
  width: number;
  top: number;
  bars: { month: string; x: number; y: number; width: number; height: number; jobs: number }[];
  ambition: { x1: number; x2: number; y: number }[];
  ticks: { value: number; y: number }[];
}

/** Where the bars and the ambition go; pure, so that tests can check it. */
export function progressGeometry(progress: Pick<Progress, 'months'>): ProgressGeometry {
  const months = progress.months;
  const width = Math.max(MIN_WIDTH, MARGIN.left + MARGIN.right + months.length * SLOT);
  const highest = Math.max(0, ...months.map((m) => Math.max(num(m.jobs) ?? 0, num(m.ambition) ?? 0)));
  const top = jobsAxisMax(highest * 1.1);
  const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = (width - MARGIN.left - MARGIN.right) / Math.max(1, months.length);
  const y = (v: number) => MARGIN.top + plot - (Math.max(0, v) / top) * plot;
  const barWidth = slot * 0.6;
  return {
    width,
    top,
    bars: months.map((m, i) => {
      const jobs = num(m.jobs) ?? 0;
      return { month: m.month, x: MARGIN.left + i * slot + (slot - barWidth) / 2, y: y(jobs), width: barWidth, height: y(0) - y(jobs), jobs };
    }),
    ambition: months.flatMap((m, i) => {
      const a = num(m.ambition);
      return a === null ? [] : [{ x1: MARGIN.left + i * slot, x2: MARGIN.left + (i + 1) * slot, y: y(a) }];
    }),
    ticks: [0, 0.5, 1].map((f) => ({ value: f * top, y: y(f * top) })),
  };
}

export function ProgressChart({ progress, title }: { progress: Progress; title: string }) {
  const { t, language } = useT('inclusion');
  const uid = useId().replace(/:/g, '');
  const g = progressGeometry(progress);
  const months = progress.months;
  const first = months[0]?.month ?? '';
  const last = months[months.length - 1]?.month ?? '';
  const ambition = num(progress.ambitionInJobs);
  const description = t('inclusion.ambition.chartDesc', {
    months: months.length,
    from: formatMonth(first, language),
    to: formatMonth(last, language),
    now: formatJobs(progress.jobsNow, language),
    ambition: ambition === null ? t('inclusion.ambition.noAmbition') : formatJobs(ambition, language),
  });
  const labelEvery = Math.max(1, Math.ceil(months.length / 12));
  return (
    <figure className="progress-chart" data-testid="progress-chart">
      <div className="progress-scroll" role="region" aria-label={title} tabIndex={0}>
        <svg
          viewBox={`0 0 ${g.width} ${HEIGHT}`}
          width={g.width}
          height={HEIGHT}
          role="img"
          aria-labelledby={`${uid}-title ${uid}-desc`}
        >
          <title id={`${uid}-title`}>{title}</title>
          <desc id={`${uid}-desc`}>{description}</desc>
          {g.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={MARGIN.left} x2={g.width - MARGIN.right} y1={tick.y} y2={tick.y} className="progress-grid" />
              <text x={MARGIN.left - 6} y={tick.y + 4} textAnchor="end" className="progress-axis-label">
                {formatJobs(tick.value, language)}
              </text>
            </g>
          ))}
          {g.bars.map((b, i) => (
            <g key={b.month} data-month={b.month}>
              {b.jobs > 0 && <rect x={b.x} y={b.y} width={b.width} height={b.height} className="chart-bar-jobs" />}
              {i % labelEvery === 0 && (
                <text x={b.x + b.width / 2} y={HEIGHT - MARGIN.bottom + 15} textAnchor="middle" className="progress-axis-label">
                  {monthName(b.month, language)}
                  {(i === 0 || b.month.endsWith('-01')) && (
                    <tspan x={b.x + b.width / 2} dy={13}>
                      {b.month.slice(0, 4)}
                    </tspan>
                  )}
                </text>
              )}
            </g>
          ))}
          {g.ambition.map((a, i) => (
            <line key={i} x1={a.x1} x2={a.x2} y1={a.y} y2={a.y} className="chart-ambition" />
          ))}
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} className="progress-axis" />
          <line x1={MARGIN.left} x2={g.width - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} className="progress-axis" />
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend">
          <li>
            <svg width="18" height="14" aria-hidden="true" focusable="false">
              <rect width="18" height="14" className="chart-bar-jobs" />
            </svg>
            {t('inclusion.ambition.legendJobs')}
          </li>
          <li>
            <svg width="18" height="14" aria-hidden="true" focusable="false">
              <line x1="0" x2="18" y1="7" y2="7" className="chart-ambition" />
            </svg>
            {t('inclusion.ambition.legendAmbition')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
