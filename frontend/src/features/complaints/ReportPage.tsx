/**
 * The annual report of confidential work: a bar chart per subject (with the numbers written next to
 * the bars, so colour is never the only signal), the same numbers in a table, a CSV download and a
 * print layout. Counsellors see exact numbers; school and board administrators see "<5".
 */
import { useId, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { API_BASE_URL } from '../../api/client';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { currentYear } from '../../lib/clock';
import { isNotFound } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeCaseReport } from '../../lib/auth/permissions';
import { useCaseReport } from './api';
import { type Translate, useT } from '../../lib/i18n';
import { FilterSelect, yearOptions } from './FilterSelect';
import { ComplaintsTabs } from './nav';
import { AREAS, GROUPS, type Area, type CaseReport, type ReportCell } from './types';
import './complaints.css';

export interface AreaTotal {
  area: Area;
  /** The sum of the numbers that are shown. */
  known: number;
  /** Whether some numbers of the area are hidden as "<5". */
  hidden: boolean;
}

export function areaTotals(report: CaseReport): AreaTotal[] {
  return AREAS.map((area) => {
    const cells = report.cells.filter((c) => c.area === area);
    return {
      area,
      known: cells.reduce((sum, c) => sum + (c.count ?? 0), 0),
      hidden: cells.some((c) => c.count === null),
    };
  });
}

function outcomeLabel(outcome: string, t: Translate<'complaints'>): string {
  switch (outcome) {
    case 'open':
      return t('complaints.cases.outcomes.open');
    case 'referred':
    case 'resolved':
    case 'complaint-filed':
    case 'report-filed':
    case 'withdrawn':
    case 'other':
      return t(`complaints.cases.outcomes.${outcome}`);
    default:
      return outcome;
  }
}

function ReportChart({ report }: { report: CaseReport }) {
  const { t } = useT('complaints');
  const id = useId();
  const totals = areaTotals(report);
  const max = Math.max(1, ...totals.map((a) => a.known));
  const row = 56;
  const width = 640;
  const barSpace = 440;
  return (
    <figure className="report-chart">
      <svg
        viewBox={`0 0 ${width} ${totals.length * row + 8}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        data-testid="report-chart"
      >
        <title id={`${id}-title`}>{t('complaints.report.chart', { year: report.year })}</title>
        <desc id={`${id}-desc`}>{t('complaints.report.chartDesc')}</desc>
        {totals.map((a, i) => {
          const y = i * row;
          const bar = a.known === 0 ? 2 : Math.max(4, (a.known / max) * barSpace);
          const label = `${a.known}${a.hidden ? ` ${t('complaints.report.plusSmall')}` : ''}`;
          return (
            <g key={a.area}>
              <text x={0} y={y + 16} className="chart-label">
                {t(`complaints.areas.${a.area}`)}
              </text>
              <rect x={0} y={y + 24} width={bar} height={20} className="chart-bar" rx={2} />
              {a.hidden && <rect x={bar} y={y + 24} width={24} height={20} className="chart-bar-hidden" rx={2} />}
              <text x={bar + (a.hidden ? 30 : 6)} y={y + 39} className="chart-value">
                {label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="visually-hidden">{t('complaints.report.chartDesc')}</figcaption>
    </figure>
  );
}

function ReportTable({ report }: { report: CaseReport }) {
  const { t } = useT('complaints');
  const rows: ReportCell[] = [...report.cells].sort(
    (a, b) =>
      AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group) || a.outcome.localeCompare(b.outcome),
  );
  if (rows.length === 0) return <p>{t('complaints.report.empty', { year: report.year })}</p>;
  return (
    <div className="table-wrap">
      <table className="report-table" data-testid="report-table">
        <caption>{t('complaints.report.table', { year: report.year })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('complaints.report.area')}</th>
            <th scope="col">{t('complaints.report.group')}</th>
            <th scope="col">{t('complaints.report.outcome')}</th>
            <th scope="col" className="numeric">
              {t('complaints.report.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={`${c.area}/${c.group}/${c.outcome}`}>
              <th scope="row">{t(`complaints.areas.${c.area}`)}</th>
              <td>{t(`complaints.groups.${c.group}`)}</td>
              <td>{outcomeLabel(c.outcome, t)}</td>
              <td className="numeric">
                {c.count === null ? (
                  <>
                    <span aria-hidden="true">{c.display}</span>
                    <span className="visually-hidden">{t('complaints.report.small')}</span>
                  </>
                ) : (
                  c.display
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {report.total !== null && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('complaints.report.total', { count: report.total })}
              </th>
              <td className="numeric">{report.total}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

export function ReportPage() {
  const { t } = useT('complaints');
  const access = useAccess();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const now = currentYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : now;
  const allowed = canSeeCaseReport(access);
  const report = useCaseReport({ year });
  useDocumentTitle(`${t('complaints.report.title')} ${year}`);

  if (!allowed || isNotFound(report.error)) return <NotFoundPage />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ year: String(new FormData(event.currentTarget).get('year')) });
  }

  return (
    <>
      <ComplaintsTabs />
      <div className="page-header">
        <h1>
          {t('complaints.report.title')} {year}
        </h1>
        <div className="actions no-print">
          <a className="button" href={`${API_BASE_URL}/confidential-cases/report?year=${year}&format=csv`} download>
            {t('complaints.report.csv')}
          </a>
          <button type="button" className="button" onClick={() => window.print()}>
            {t('complaints.report.print')}
          </button>
        </div>
      </div>
      <p className="lead">{t('complaints.report.intro')}</p>
      <form className="search-form no-print" onSubmit={submit} key={year}>
        <FilterSelect id={`${id}-year`} name="year" label={t('complaints.report.year')} defaultValue={String(year)} options={yearOptions()} />
        <div className="search-actions">
          <button type="submit" className="button button-primary">
            {t('complaints.report.show')}
          </button>
        </div>
      </form>
      {report.isPending && <Loading />}
      {report.isError && <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && (
        <>
          {report.data.suppressed && <p className="alert alert-warning">{t('complaints.report.suppressed')}</p>}
          {report.data.total !== null && <p>{t('complaints.report.total', { count: report.data.total })}</p>}
          <ReportChart report={report.data} />
          <ReportTable report={report.data} />
        </>
      )}
    </>
  );
}
