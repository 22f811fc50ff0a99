/** The indicators dashboard: an indicator for a board, school or region, as a chart and a table. */
import { useId, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAllBoards, useAllSchools } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canSeeBoards } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { useIndicators, useSeries } from './api';
import { indicatorName, pointText, targetStatusText } from './format';
import { type TKey, useT } from '../../lib/i18n';
import { canCompareSchoolsOf, canEnterMeasurements, canSetTargetFor, isRegionOnly } from './permissions';
import { areaScopeOption, byDomain, entryScope, SCOPE_KINDS, scopeOptions, type ScopeKind } from './scopes';
import { ScopeOptionGroups } from './ScopeOptionGroups';
import { CompareTable, SeriesTable } from './SeriesTable';
import { TargetForm } from './TargetForm';
import { TrendChart } from './TrendChart';
import './indicators.css';

const SCOPE_GROUP_LABELS = {
  board: 'indicators.chooser.boards',
  school: 'indicators.chooser.schools',
  municipality: 'indicators.chooser.municipalities',
  region: 'indicators.chooser.regions',
} as const satisfies Record<ScopeKind, TKey<'indicators'>>;

export function DashboardPage() {
  const { t, language } = useT('indicators');
  const user = useUser();
  const access = useAccess();
  const id = useId();
  const regionOnly = isRegionOnly(access);
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('indicators.title'));

  const catalogue = useIndicators();
  const boards = useAllBoards(canSeeBoards(access));
  const schools = useAllSchools(!regionOnly);
  const listed = scopeOptions(access, user, boards.data, schools.data, regionOnly);
  const indicators = catalogue.data ?? [];
  const groups = byDomain(indicators);

  const code = params.get('indicator') ?? groups[0]?.[1][0]?.code ?? null;
  const scope = params.get('scope') ?? listed[0]?.value ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const indicator = indicators.find((i) => i.code === code) ?? null;
  const chosen = listed.find((s) => s.value === scope) ?? null;
  const compare = scope.startsWith('board:') && canCompareSchoolsOf(access, Number(scope.slice('board:'.length)));
  const series = useSeries(indicator ? code : null, scope ? { scope, from: from || null, to: to || null, compare } : null);
  // An area from the address that the choices do not list (opened from an area's dashboard) is offered too.
  const extra = listed.some((s) => s.value === scope) ? null : areaScopeOption(scope, series.data?.scopeName);
  const scopes = extra ? [...listed, extra] : listed;

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    if (code && !next.has('indicator')) next.set('indicator', code);
    if (scope && !next.has('scope')) next.set('scope', scope);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  function onRange(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update({ from: String(data.get('from') ?? '').trim(), to: String(data.get('to') ?? '').trim() });
  }

  const loadingChoices = catalogue.isPending || boards.isLoading || schools.isLoading;
  const name = indicator ? indicatorName(indicator, language) : '';
  const scopeName = series.data?.scopeName ?? chosen?.label ?? scope;
  const points = series.data?.points ?? [];
  const exportBoard = chosen?.boardId ?? undefined;
  const latest = [...points].reverse().find((p) => p.value !== null && !p.suppressed) ?? null;
  const targetScope = entryScope(chosen);
  const query = new URLSearchParams({ ...(code ? { indicator: code } : {}), ...(scope ? { scope } : {}) }).toString();

  return (
    <>
      <div className="page-header">
        <h1>{t('indicators.title')}</h1>
        {canEnterMeasurements(access) && (
          <p className="actions">
            <Link to={`/indicators/measurements/new?${query}`} className="button button-primary">
              {t('indicators.newMeasurement')}
            </Link>
            <Link to="/import?kind=measurements" className="button">
              {t('indicators.importMeasurements')}
            </Link>
          </p>
        )}
      </div>
      <p className="lead">{t('indicators.intro')}</p>
      <Flash />
      <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
      {loadingChoices ? (
        <Loading />
      ) : scopes.length === 0 ? (
        <p>{t('indicators.chooser.noScopes')}</p>
      ) : (
        <form className="indicator-chooser" aria-label={t('indicators.chooser.label')} onSubmit={onRange}>
          <div className="field">
            <label htmlFor={`${id}-indicator`}>{t('indicators.chooser.indicator')}</label>
            <select id={`${id}-indicator`} name="indicator" value={code ?? ''} onChange={(e) => update({ indicator: e.target.value })}>
              {groups.map(([domain, list]) => (
                <optgroup key={domain} label={t(`indicators.domains.${domain}`)}>
                  {list.map((i) => (
                    <option key={i.code} value={i.code}>
                      {indicatorName(i, language)}
                      {i.derived ? ` (${t('indicators.derived')})` : ''}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-scope`}>{t('indicators.chooser.scope')}</label>
            <select id={`${id}-scope`} name="scope" value={scope} onChange={(e) => update({ scope: e.target.value })}>
              <ScopeOptionGroups scopes={scopes} kinds={SCOPE_KINDS} label={(kind) => t(SCOPE_GROUP_LABELS[kind])} />
            </select>
          </div>
          <fieldset className="period-range">
            <legend>{t('indicators.chooser.period')}</legend>
            <p className="field-hint" id={`${id}-range-hint`}>
              {t('indicators.chooser.rangeHint', { format: indicator ? t(`indicators.formats.${indicator.frequency}`) : '' })}
            </p>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('indicators.chooser.from')}</label>
              <input id={`${id}-from`} name="from" defaultValue={from} key={`from-${from}`} aria-describedby={`${id}-range-hint`} size={10} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('indicators.chooser.to')}</label>
              <input id={`${id}-to`} name="to" defaultValue={to} key={`to-${to}`} aria-describedby={`${id}-range-hint`} size={10} />
            </div>
            <button type="submit" className="button">
              {t('indicators.chooser.apply')}
            </button>
          </fieldset>
        </form>
      )}

      <ProblemAlert error={series.error} />
      {indicator && scope && series.isPending && series.fetchStatus !== 'idle' && <Loading />}
      {indicator && series.data && (
        <section className="indicator-result" aria-labelledby={`${id}-result`} aria-busy={series.isFetching}>
          <h2 id={`${id}-result`}>
            {name} — {scopeName}
          </h2>
          {indicator.descriptionNl && language.startsWith('nl') && <p>{indicator.descriptionNl}</p>}
          {indicator.descriptionEn && !language.startsWith('nl') && <p>{indicator.descriptionEn}</p>}
          <p className="muted" data-testid="direction">
            {t(`indicators.directions.${indicator.direction}`)}
          </p>
          {!scope.startsWith('school:') && (
            <p className="muted" data-testid="aggregation">
              {t(`indicators.aggregations.${indicator.aggregation}`)}
            </p>
          )}
          {latest && (
            <p data-testid="latest">
              {t('indicators.latest', {
                value: pointText(latest, indicator.unit, language, t),
                period: latest.period,
                status: targetStatusText(latest, indicator.direction, indicator.unit, language, t),
              })}
            </p>
          )}
          {points.length > 0 && (
            <TrendChart
              points={points}
              unit={indicator.unit}
              direction={indicator.direction}
              label={t('indicators.chart.label', {
                indicator: name,
                scope: scopeName,
                from: points[0]!.period,
                to: points[points.length - 1]!.period,
              })}
            />
          )}
          <SeriesTable
            points={points}
            unit={indicator.unit}
            direction={indicator.direction}
            caption={t('indicators.table.caption', { indicator: name, scope: scopeName })}
          />
          {compare && series.data.schools && (
            <>
              <h3>{t('indicators.compare.title')}</h3>
              <CompareTable
                schools={series.data.schools}
                unit={indicator.unit}
                direction={indicator.direction}
                caption={t('indicators.compare.caption', { indicator: name, scope: scopeName })}
              />
            </>
          )}
          {targetScope && canSetTargetFor(access, targetScope) && (
            <TargetForm
              key={`${indicator.code}-${scope}`}
              indicator={indicator}
              scope={targetScope}
              scopeName={scopeName}
              defaultPeriod={points.at(-1)?.period ?? ''}
            />
          )}
        </section>
      )}

      {!regionOnly && scopes.length > 0 && <ExportLinks kind="measurements" boardId={exportBoard} />}
    </>
  );
}
