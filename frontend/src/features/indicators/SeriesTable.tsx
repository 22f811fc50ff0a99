/** The chart's figures as a table, and a board's schools side by side. */
import { formatValue, pointText, STATUS_ICONS, targetStatus, targetStatusText } from './format';
import { useT } from '../../lib/i18n';
import type { Direction, SchoolSeries, SeriesPoint, Unit } from './types';

type Point = Pick<SeriesPoint, 'value' | 'target' | 'suppressed'>;

/** A value against its target in words, with ✓ or ✗ before it (the colour only repeats it). */
export function TargetStatusText({ point, direction, unit, short = false }: { point: Point; direction: Direction; unit: Unit; short?: boolean }) {
  const { t, language } = useT('indicators');
  const status = targetStatus(point, direction);
  const icon = STATUS_ICONS[status];
  const text = short
    ? t(status === 'met' ? 'indicators.status.metShort' : 'indicators.status.notMetShort')
    : targetStatusText(point, direction, unit, language, t);
  if (short && status !== 'met' && status !== 'not-met') return null;
  return (
    <span className={`target-status target-status-${status}`} data-status={status}>
      {icon && <span aria-hidden="true">{icon} </span>}
      {text}
    </span>
  );
}

export function SeriesTable({
  points,
  unit,
  direction,
  caption,
}: {
  points: SeriesPoint[];
  unit: Unit;
  direction: Direction;
  caption: string;
}) {
  const { t, language } = useT('indicators');
  if (points.length === 0) return <p>{t('indicators.table.empty')}</p>;
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="indicator-table" data-testid="series-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.table.period')}</th>
            <th scope="col" className="numeric">{t('indicators.table.value')}</th>
            <th scope="col" className="numeric">{t('indicators.table.target')}</th>
            <th scope="col">{t('indicators.table.status')}</th>
            <th scope="col" className="numeric">{t('indicators.table.contributors')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period} data-period={p.period}>
              <th scope="row">{p.period}</th>
              <td className={p.value === null || p.suppressed ? 'numeric muted' : 'numeric'}>{pointText(p, unit, language, t)}</td>
              <td className="numeric">
                {typeof p.target === 'number' ? formatValue(p.target, unit, language) : t('indicators.table.noTarget')}
              </td>
              <td>
                <TargetStatusText point={p} direction={direction} unit={unit} />
              </td>
              <td className="numeric">{p.contributors}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompareTable({
  schools,
  unit,
  direction,
  caption,
}: {
  schools: SchoolSeries[];
  unit: Unit;
  direction: Direction;
  caption: string;
}) {
  const { t, language } = useT('indicators');
  if (schools.length === 0) return <p>{t('indicators.compare.empty')}</p>;
  const all = schools[0]!.points.map((p) => p.period);
  // a period in which no school has a value (or a hidden one) says nothing: folded away
  const periods = all.filter((period) =>
    schools.some((s) => s.points.some((p) => p.period === period && (p.value != null || p.suppressed))),
  );
  const folded = all.length - periods.length;
  if (periods.length === 0) return <p>{t('indicators.compare.noValues')}</p>;
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="indicator-table" data-testid="compare-table">
        <caption>
          {caption}
          {folded > 0 && <span className="muted"> {t('indicators.compare.folded', { count: folded })}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.compare.school')}</th>
            {periods.map((period) => (
              <th scope="col" className="numeric" key={period}>
                {period}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.schoolId}>
              <th scope="row">{s.schoolName}</th>
              {periods.map((period) => {
                const point = s.points.find((p) => p.period === period) ?? { value: null, target: null, suppressed: false };
                return (
                  <td className="numeric" key={period}>
                    {pointText(point, unit, language, t)}
                    {typeof point.target === 'number' && (
                      <>
                        <br />
                        <TargetStatusText point={point} direction={direction} unit={unit} short />
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
