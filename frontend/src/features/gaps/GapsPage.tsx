import { useId } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeRegistry } from '../../lib/auth/permissions';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useT } from '../../lib/i18n';
import { useRoleName, useScopeSchools } from '../../lib/scope';
import { SEVERITIES, type Gap, type Severity } from '../../api/registryTypes';
import { SeverityBadge } from './SeverityBadge';
import { useGaps } from './api';
import { gapLink, gapLinkText, gapText, gapTitle } from './gapText';

const FILTERS = ['schoolId', 'severity'] as const;
const PAGE_SIZE = 100;

function asSeverity(value: string | undefined): Severity | undefined {
  return SEVERITIES.find((s) => s === value);
}

/** The school leader's landing page: what is missing or at risk, most urgent first. */
export function GapsPage() {
  const { t, i18n } = useT();
  const id = useId();
  const access = useAccess();
  // a region or municipality contact reads aggregates: no school's gaps, so no "all is well" either
  const readsGaps = canSeeRegistry(access);
  const { params, update } = useListParams(FILTERS);
  const schoolId = toNumber(params.filters.schoolId);
  const severity = asSeverity(params.filters.severity);
  const schools = useScopeSchools();
  const roleName = useRoleName();
  const query = useGaps({ schoolId, severity, page: params.page, pageSize: PAGE_SIZE }, readsGaps);
  useDocumentTitle(t('gaps.title'));
  const data = query.data;
  const filtersActive = FILTERS.filter((f) => params.filters[f]);
  const ctx = { roleName: roleName.byCode, language: i18n.resolvedLanguage ?? i18n.language };
  const schoolName = schools.data?.find((s) => s.id === schoolId)?.name;

  const groups = SEVERITIES.map((s) => ({ severity: s, items: (data?.items ?? []).filter((g) => g.severity === s) })).filter(
    (g) => g.items.length > 0,
  );

  function countLink(s: Severity) {
    const search = new URLSearchParams();
    if (schoolId) search.set('schoolId', String(schoolId));
    search.set('severity', s);
    return `/gaps?${search.toString()}`;
  }

  if (!readsGaps) {
    return (
      <>
        <h1>{t('gaps.title')}</h1>
        <p className="lead" data-testid="gaps-not-for-role">
          {t('gaps.notForRole')}
        </p>
        <p>
          <Link to="/">{t('gaps.toOverview')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('gaps.title')}</h1>
      <p className="lead">{t('gaps.intro')}</p>
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[schoolId, severity, schools.data?.length].join('|')}
        onSearch={(values) => update({ schoolId: values.schoolId, severity: values.severity })}
      >
        {schools.data && schools.data.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-school`}>{t('registry.school')}</label>
            <select id={`${id}-school`} name="schoolId" defaultValue={schoolId ? String(schoolId) : ''}>
              <option value="">{t('gaps.allSchools')}</option>
              {schools.data.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-severity`}>{t('gaps.severityLabel')}</label>
          <select id={`${id}-severity`} name="severity" defaultValue={severity ?? ''}>
            <option value="">{t('common.all')}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`gaps.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {data && (
        <>
          <section aria-labelledby="gap-counts">
            <h2 id="gap-counts" className="visually-hidden">
              {schoolName ? t('gaps.countsFor', { school: schoolName }) : t('gaps.counts')}
            </h2>
            <ul className="gap-counts">
              {SEVERITIES.map((s) => (
                <li key={s} className={`gap-count gap-count-${s}`}>
                  <Link to={countLink(s)}>
                    <span className="gap-count-number">{data.counts[s]}</span>{' '}
                    <span className="gap-count-label">{t(`gaps.countLabel.${s}`, { count: data.counts[s] })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <p className="result-count" aria-live="polite">
            {t('gaps.shown', { count: data.total })}
          </p>
          {data.total === 0 ? (
            <p className="alert alert-success" role="status">
              {severity ? t('gaps.noneOfSeverity') : t('gaps.none')}
            </p>
          ) : (
            groups.map((group) => (
              <section key={group.severity} aria-labelledby={`gaps-${group.severity}`} className="gap-group">
                <h2 id={`gaps-${group.severity}`}>
                  {t(`gaps.groups.${group.severity}`)} <span className="muted">({group.items.length})</span>
                </h2>
                <ul className="gap-list">
                  {group.items.map((gap, index) => (
                    <GapItem key={`${gap.kind}-${gap.subject.type}-${gap.subject.id}-${index}`} gap={gap} showSchool={!schoolId} ctx={ctx} />
                  ))}
                </ul>
              </section>
            ))
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(page) => update({ page })} />
        </>
      )}
    </>
  );
}

function GapItem({ gap, showSchool, ctx }: { gap: Gap; showSchool: boolean; ctx: Parameters<typeof gapText>[2] }) {
  const { t } = useT();
  const link = gapLink(gap);
  return (
    <li className={`gap-item gap-item-${gap.severity}`} data-kind={gap.kind}>
      <p className="gap-head">
        <SeverityBadge severity={gap.severity} /> <strong className="gap-title">{gapTitle(gap, t)}</strong>
      </p>
      <p className="gap-text">{gapText(gap, t, ctx)}</p>
      <p className="gap-meta">
        {showSchool && <span className="muted">{gap.schoolName ?? t('gaps.boardWide')}</span>}
        {link && <Link to={link}>{gapLinkText(gap, t)}</Link>}
      </p>
    </li>
  );
}
