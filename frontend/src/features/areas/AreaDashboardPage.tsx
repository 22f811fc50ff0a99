/**
 * The area dashboard (for the municipality's local education agenda, LEA, and regional contact
 * points): every board's schools in one municipality or region, in aggregate. Schools are named,
 * people never; small numbers arrive from the API already hidden (`<5`) and are explained here.
 */
import { useId, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { REGION_KINDS, type RegionKind } from '../../api/types';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Pagination } from '../../components/Pagination';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { AreaInclusionSection } from '../inclusion/AreaInclusionSection';
import { canSeeIndicators } from '../indicators/permissions';
import { languageName } from '../people/languages';
import { formatDate } from '../../lib/format';
import { LEVELS, STATUSES } from '../../api/registryTypes';
import { useAreaBoards, useAreaOverview } from './api';
import { BarChart } from './BarChart';
import { type Translate, useT } from '../../lib/i18n';
import { areaExportHref, areaIndicatorsPath, AREA_CHOOSER_PATH, regionAdminPath, REGIONS_PATH } from './paths';
import { canManageRegions, canSeeAreaDashboards, ownAreas } from './permissions';
import { OVERVIEW_SECTORS, type AreaOverview, type AreaSchool, type AreaType, type OverviewSector, type RoleCoverage } from './types';
import './areas.css';

const FILTERS = ['boardId', 'sector'] as const;

function isSector(value: string | undefined): value is OverviewSector {
  return (OVERVIEW_SECTORS as readonly string[]).includes(value ?? '');
}

/** "Gemeente", "GGD-regio", "Arbeidsmarktregio", ... */
export function areaKindText(kind: string, t: Translate<'areas' | 'complaints'>): string {
  if (kind === 'municipality') return t('scopeTypes.municipality');
  return (REGION_KINDS as readonly string[]).includes(kind) ? t(`regionKinds.${kind as RegionKind}`) : kind;
}

function roleName(role: Pick<RoleCoverage, 'roleNameNl' | 'roleNameEn'>, language: string): string {
  return language.startsWith('nl') ? role.roleNameNl : role.roleNameEn;
}

/** The statutory roles first, then the recommended ones, each in the API's order. */
function orderedRoles(roles: RoleCoverage[]): RoleCoverage[] {
  return [...roles.filter((r) => r.requiredBy === 'law'), ...roles.filter((r) => r.requiredBy !== 'law')];
}

/** A figure the API may hide (`<5`, `-`): the hint to show next to it, or null when it is a plain number. */
function isHidden(display: string): boolean {
  return !/^\d+$/.test(display.trim());
}

export function AreaDashboardPage({ type }: { type: AreaType }) {
  const { t, language } = useT('areas', 'complaints');
  const access = useAccess();
  const user = useUser();
  const routeParams = useParams();
  const id = parseId(type === 'municipality' ? routeParams.municipalityId : routeParams.regionId);
  const { params, update } = useListParams(FILTERS);
  const boardId = toNumber(params.filters.boardId);
  const sector = isSector(params.filters.sector) ? params.filters.sector : undefined;
  const allowed = canSeeAreaDashboards(access);
  const query = useAreaOverview(type, allowed ? id : Number.NaN, {
    page: params.page,
    pageSize: params.pageSize,
    ...(boardId ? { boardId } : {}),
    ...(sector ? { sector } : {}),
  });
  const boards = useAreaBoards(type, allowed ? id : Number.NaN);
  const overview = query.data;
  useDocumentTitle(overview ? `${overview.area.name} — ${areaKindText(overview.area.kind, t)}` : t('areas.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('areas.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(id) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (!overview) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { area } = overview;
  const several = ownAreas(access, user).length > 1;
  const filtered = Boolean(boardId || sector);

  return (
    <div className="area-dashboard">
      {(several || canManageRegions(access)) && (
        <p className="breadcrumb">
          {several && <Link to={AREA_CHOOSER_PATH}>{t('areas.chooser.title')}</Link>}
          {!several && type === 'region' && <Link to={regionAdminPath(area.id)}>{t('areas.adminPage')}</Link>}
          {!several && type === 'municipality' && <Link to={REGIONS_PATH}>{t('nav.regions')}</Link>}
        </p>
      )}
      <header className="area-header">
        <p className="area-kicker">{areaKindText(area.kind, t)}</p>
        <h1>{area.name}</h1>
        <p className="lead">{t('areas.intro')}</p>
        <dl className="area-figures" data-testid="area-figures">
          <div>
            <dt>{t('areas.figures.boards')}</dt>
            <dd data-testid="area-boards">{overview.boards}</dd>
          </div>
          <div>
            <dt>{t('areas.figures.schools')}</dt>
            <dd data-testid="area-schools">
              {overview.schoolsTotal}
              <SectorCounts bySector={overview.schoolsBySector} />
            </dd>
          </div>
          <div>
            <dt>{t('areas.figures.computedAt')}</dt>
            <dd>{formatDateTime(overview.computedAt, language)}</dd>
          </div>
          <div>
            <dt>{t('areas.figures.period')}</dt>
            <dd>
              {t('areas.figures.periodRange', {
                from: formatDate(overview.periodFrom, language),
                to: formatDate(overview.periodTo, language),
              })}
            </dd>
          </div>
        </dl>
        <div className="area-actions">
          {canSeeIndicators(access) && (
            <Link to={areaIndicatorsPath(type, area.id)} className="button">
              {t('areas.indicatorsLink', { name: area.name })}
            </Link>
          )}
          <div className="export-links" role="group" aria-label={t('areas.exportLabel', { name: area.name })}>
            <span className="export-label">{t('areas.export')}</span>
            <a href={areaExportHref(type, area.id, 'csv')} download className="button button-small">
              {t('registry.exportCsv')} <span className="visually-hidden">({t('areas.exportWhat', { name: area.name })})</span>
            </a>
            <a href={areaExportHref(type, area.id, 'xlsx')} download className="button button-small">
              {t('registry.exportXlsx')} <span className="visually-hidden">({t('areas.exportWhat', { name: area.name })})</span>
            </a>
          </div>
        </div>
        <p className="muted area-privacy">{t('areas.privacy')}</p>
      </header>

      <SchoolsSection
        type={type}
        overview={overview}
        boards={boards.data ?? []}
        boardId={boardId}
        sector={sector}
        filtered={filtered}
        fetching={query.isFetching}
        onFilter={(values) => update({ boardId: values.boardId, sector: values.sector })}
        onPage={(page) => update({ page })}
      />
      <ProblemAlert error={query.isError ? query.error : null} onRetry={() => void query.refetch()} />
      <CoverageSection roles={overview.roles} />
      <PartnershipsSection overview={overview} />
      <KeyPersonsSection overview={overview} />
      <CasesSection overview={overview} />
      <AreaInclusionSection inclusion={overview.inclusion} areaName={area.name} />
    </div>
  );
}

function SectorCounts({ bySector }: { bySector: Record<string, number> }) {
  const { t } = useT('areas', 'complaints');
  const parts: ReactNode[] = OVERVIEW_SECTORS.filter((s) => (bySector[s] ?? 0) > 0).flatMap((s, i) => [
    ...(i > 0 ? [', '] : []),
    <span key={s} className="nowrap">
      <abbr title={t(`sectors.${s}`)}>{s}</abbr> {bySector[s]}
    </span>,
  ]);
  if (parts.length === 0) return null;
  return <span className="sector-counts"> ({parts})</span>;
}

/* --- Schools ------------------------------------------------------------------------------------- */

interface SchoolsProps {
  type: AreaType;
  overview: AreaOverview;
  boards: { id: number; name: string }[];
  boardId: number | undefined;
  sector: OverviewSector | undefined;
  filtered: boolean;
  fetching: boolean;
  onFilter: (values: Record<string, string | undefined>) => void;
  onPage: (page: number) => void;
}

function SchoolsSection({ type, overview, boards, boardId, sector, filtered, fetching, onFilter, onPage }: SchoolsProps) {
  const { t, language } = useT('areas', 'complaints');
  const id = useId();
  const roles = orderedRoles(overview.roles);
  const { schools } = overview;
  const showMunicipality = type === 'region';

  return (
    <section aria-labelledby={`${id}-schools`} className="area-section">
      <h2 id={`${id}-schools`}>{t('areas.schools.title')}</h2>
      <p>{t('areas.schools.intro')}</p>
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtered ? FILTERS : []}
        resetKey={`${boardId ?? ''}:${sector ?? ''}`}
        onSearch={onFilter}
      >
        <div className="field">
          <label htmlFor={`${id}-board`}>{t('areas.schools.board')}</label>
          <select id={`${id}-board`} name="boardId" defaultValue={boardId ? String(boardId) : ''}>
            <option value="">{t('areas.schools.allBoards')}</option>
            {boards.map((b) => (
              <option key={b.id} value={String(b.id)}>
                {b.name}
              </option>
            ))}
            {boardId && !boards.some((b) => b.id === boardId) && <option value={String(boardId)}>{t('areas.schools.chosenBoard')}</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('areas.schools.sector')}</label>
          <select id={`${id}-sector`} name="sector" defaultValue={sector ?? ''}>
            <option value="">{t('areas.schools.allSectors')}</option>
            {OVERVIEW_SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <p className="result-count" aria-live="polite" data-testid="school-count">
        {filtered
          ? t('areas.schools.countFiltered', { count: schools.total, total: overview.schoolsTotal })
          : t('areas.schools.count', { count: schools.total })}
      </p>
      {schools.items.length === 0 ? (
        <p>{t('areas.schools.none')}</p>
      ) : (
        <div
          className="table-wrap"
          role="region"
          aria-label={t('areas.schools.caption', { name: overview.area.name })}
          tabIndex={0}
          aria-busy={fetching}
        >
          <table className="table-stack area-schools" role="table" data-testid="area-schools-table">
            <caption className="visually-hidden">{t('areas.schools.caption', { name: overview.area.name })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('areas.schools.school')}</th>
                <th scope="col" role="columnheader">{t('areas.schools.board')}</th>
                <th scope="col" role="columnheader">{t('areas.schools.sector')}</th>
                {showMunicipality && <th scope="col" role="columnheader">{t('areas.schools.municipality')}</th>}
                {roles.map((r) => (
                  <th scope="col" role="columnheader" key={r.roleCode} className="role-column" data-required={r.requiredBy}>
                    {roleName(r, language)} <span className="role-required">({t(`areas.requiredBy.${r.requiredBy}`)})</span>
                  </th>
                ))}
                <th scope="col" role="columnheader" className="numeric">{t('areas.schools.partnerships')}</th>
                <th scope="col" role="columnheader" className="numeric">{t('areas.schools.ownRoutes')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {schools.items.map((s) => (
                <SchoolRow key={s.id} school={s} roles={roles} showMunicipality={showMunicipality} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={schools.page} pageSize={schools.pageSize} total={schools.total} onPage={onPage} />
    </section>
  );
}

function SchoolRow({ school, roles, showMunicipality }: { school: AreaSchool; roles: RoleCoverage[]; showMunicipality: boolean }) {
  const { t, language } = useT('areas', 'complaints');
  return (
    <tr role="row" data-school={school.locationCode}>
      <td role="cell" data-label={t('areas.schools.school')}>
        <strong>{school.name}</strong> <span className="muted nowrap">{school.locationCode}</span>
        {(school.street || school.city) && (
          <span className="school-address muted">
            {[school.street && `${school.street} ${school.houseNumber ?? ''}`.trim(), [school.postalCode, school.city].filter(Boolean).join(' ')]
              .filter(Boolean)
              .join(', ')}
          </span>
        )}
        <a href={school.routeFinderUrl} className="school-finder">
          {t('areas.schools.routeFinderLink')} <span className="visually-hidden">{t('areas.schools.routeFinderOf', { name: school.name })}</span>
        </a>
      </td>
      <td role="cell" data-label={t('areas.schools.board')}>{school.boardName}</td>
      <td role="cell" data-label={t('areas.schools.sector')}>
        {isSector(school.sector) ? <abbr title={t(`sectors.${school.sector}`)}>{school.sector}</abbr> : school.sector}
      </td>
      {showMunicipality && (
        <td role="cell" data-label={t('areas.schools.municipality')}>
          {school.municipalityName}
        </td>
      )}
      {roles.map((r) => {
        const filled = school.roles[r.roleCode];
        const label = roleName(r, language);
        if (filled === undefined) {
          return (
            <td role="cell" key={r.roleCode} data-label={label} data-role={r.roleCode} data-required={r.requiredBy} data-filled="n/a">
              <span aria-hidden="true">–</span>
              <span className="visually-hidden">{t('areas.roleNotApplicable')}</span>
            </td>
          );
        }
        return (
          <td
            role="cell"
            key={r.roleCode}
            data-label={label}
            data-role={r.roleCode}
            data-required={r.requiredBy}
            data-filled={filled ? 'yes' : 'no'}
            className={filled ? 'role-filled' : 'role-missing'}
          >
            <span aria-hidden="true">{filled ? '✓' : '✗'}</span>
            <span className="visually-hidden">{filled ? t('areas.roleFilled') : t('areas.roleMissing')}</span>
          </td>
        );
      })}
      <td role="cell" data-label={t('areas.schools.partnerships')} className="numeric">
        {school.partnerships}
      </td>
      <td role="cell" data-label={t('areas.schools.ownRoutes')} className="numeric">
        {school.ownRoutesPublished}
      </td>
    </tr>
  );
}

/* --- Role coverage ------------------------------------------------------------------------------- */

function CoverageSection({ roles }: { roles: RoleCoverage[] }) {
  const { t, language } = useT('areas', 'complaints');
  const id = useId();
  return (
    <section aria-labelledby={`${id}-coverage`} className="area-section">
      <h2 id={`${id}-coverage`}>{t('areas.coverage.title')}</h2>
      <p>{t('areas.coverage.intro')}</p>
      {roles.length === 0 ? (
        <p>{t('areas.coverage.none')}</p>
      ) : (
        <ul className="coverage-list" data-testid="coverage-list">
          {orderedRoles(roles).map((r) => {
            const share = r.schoolsTotal > 0 ? Math.round((r.schoolsFilled / r.schoolsTotal) * 100) : 100;
            return (
              <li key={r.roleCode} className="coverage-item" data-role={r.roleCode}>
                <h3 className="coverage-role">
                  {roleName(r, language)} <span className={`badge badge-${r.requiredBy}`}>{t(`areas.requiredBy.${r.requiredBy}`)}</span>
                </h3>
                <p className="coverage-figure">
                  {t('areas.coverage.filled', { filled: r.schoolsFilled, total: r.schoolsTotal })}
                </p>
                <div className="coverage-bar" aria-hidden="true">
                  <span style={{ width: `${share}%` }} />
                </div>
                {r.schoolsMissing.length === 0 ? (
                  <p className="coverage-complete">
                    <span aria-hidden="true">✓ </span>
                    {t('areas.coverage.complete')}
                  </p>
                ) : (
                  <p className="coverage-missing">
                    <span aria-hidden="true">✗ </span>
                    {t('areas.coverage.missingAt')} {r.schoolsMissing.map((s) => s.name).join(', ')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/* --- Partnerships -------------------------------------------------------------------------------- */

function PartnershipsSection({ overview }: { overview: AreaOverview }) {
  const { t, language } = useT('areas', 'complaints');
  const id = useId();
  const { partnerships, area } = overview;
  const nl = language.startsWith('nl');
  const categories = partnerships.byCategory.map((c) => ({
    key: c.categoryCode,
    label: nl ? c.categoryNameNl : c.categoryNameEn,
    value: c.partnerships,
    schools: c.schools,
  }));
  const levels = [...LEVELS, ...Object.keys(partnerships.byLevel).filter((l) => !(LEVELS as readonly string[]).includes(l))];
  const statuses = [...STATUSES, ...Object.keys(partnerships.byStatus).filter((s) => !(STATUSES as readonly string[]).includes(s))];
  const levelName = (l: string) => ((LEVELS as readonly string[]).includes(l) ? t(`partnerships.levelNames.${l}` as never) : l);
  const statusName = (s: string) => ((STATUSES as readonly string[]).includes(s) ? t(`partnerships.statuses.${s}` as never) : s);

  return (
    <section aria-labelledby={`${id}-partnerships`} className="area-section">
      <h2 id={`${id}-partnerships`}>{t('areas.partnerships.title')}</h2>
      <p data-testid="partnerships-total">{t('areas.partnerships.total', { count: partnerships.total })}</p>

      <h3 id={`${id}-category`}>{t('areas.partnerships.byCategory')}</h3>
      {categories.length === 0 ? (
        <p>{t('areas.partnerships.none')}</p>
      ) : (
        <div className="chart-and-table">
          <BarChart
            bars={categories}
            testId="category-chart"
            label={t('areas.partnerships.chartLabel', { name: area.name })}
          />
          <div className="table-wrap" role="region" aria-labelledby={`${id}-category`} tabIndex={0}>
            <table data-testid="category-table">
              <caption className="visually-hidden">{t('areas.partnerships.categoryCaption', { name: area.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('areas.partnerships.category')}</th>
                  <th scope="col" className="numeric">{t('areas.partnerships.partnerships')}</th>
                  <th scope="col" className="numeric">{t('areas.partnerships.schools')}</th>
                </tr>
              </thead>
              <tbody>
                {categories.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td className="numeric">{c.value}</td>
                    <td className="numeric">{c.schools}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      <div className="area-columns">
        <div>
          <h3 id={`${id}-level`}>{t('areas.partnerships.byLevel')}</h3>
          <p className="muted">{t('areas.partnerships.levelNote')}</p>
          <CountTable
            labelledBy={`${id}-level`}
            head={t('partnerships.level' as never)}
            rows={levels.map((l) => [levelName(l), partnerships.byLevel[l] ?? 0])}
            testId="level-table"
          />
        </div>
        <div>
          <h3 id={`${id}-status`}>{t('areas.partnerships.byStatus')}</h3>
          <p className="muted">{t('areas.partnerships.statusNote')}</p>
          <CountTable
            labelledBy={`${id}-status`}
            head={t('partnerships.status' as never)}
            rows={statuses.map((s) => [statusName(s), partnerships.byStatus[s] ?? 0])}
            testId="status-table"
          />
        </div>
      </div>
    </section>
  );
}

function CountTable({ labelledBy, head, rows, testId }: { labelledBy: string; head: string; rows: [string, number | string][]; testId: string }) {
  const { t } = useT('areas', 'complaints');
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="numeric">{t('areas.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="numeric">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/* --- Key persons --------------------------------------------------------------------------------- */

function SmallNumbersNote() {
  const { t } = useT('areas', 'complaints');
  return <p className="small-numbers-note" data-testid="small-numbers-note">{t('areas.smallNumbers')}</p>;
}

function KeyPersonsSection({ overview }: { overview: AreaOverview }) {
  const { t, language } = useT('areas', 'complaints');
  const id = useId();
  const { keyPersons, schoolsTotal } = overview;
  const hidden = keyPersons.count === null || isHidden(keyPersons.countDisplay);
  return (
    <section aria-labelledby={`${id}-keypersons`} className="area-section">
      <h2 id={`${id}-keypersons`}>{t('areas.keyPersons.title')}</h2>
      <dl className="details">
        <dt>{t('areas.keyPersons.count')}</dt>
        <dd data-testid="key-person-count">
          {keyPersons.countDisplay}
          {hidden && ' '}
          {hidden && <span className="visually-hidden">({t('areas.fewerThanFive')})</span>}
        </dd>
        <dt>{t('areas.keyPersons.schools')}</dt>
        <dd>{t('areas.keyPersons.schoolsOf', { count: keyPersons.schoolsWithKeyPersons, total: schoolsTotal })}</dd>
        <dt>{t('areas.keyPersons.languages')}</dt>
        <dd data-testid="key-person-languages">
          {keyPersons.languages.length > 0
            ? keyPersons.languages.map((code) => languageName(code, language)).join(', ')
            : hidden
              ? t('areas.keyPersons.languagesHidden')
              : t('common.none')}
        </dd>
      </dl>
      {hidden && <SmallNumbersNote />}

      <h3 id={`${id}-quarters`}>{t('areas.keyPersons.perQuarter')}</h3>
      {keyPersons.perQuarter.length === 0 ? (
        <p>{t('areas.keyPersons.noActivities')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-quarters`} tabIndex={0}>
          <table data-testid="quarter-table">
            <thead>
              <tr>
                <th scope="col">{t('areas.keyPersons.quarter')}</th>
                <th scope="col" className="numeric">{t('areas.keyPersons.activities')}</th>
                <th scope="col" className="numeric">{t('areas.keyPersons.parentsReached')}</th>
              </tr>
            </thead>
            <tbody>
              {keyPersons.perQuarter.map((q) => (
                <tr key={q.quarter}>
                  <th scope="row">{q.quarter}</th>
                  <td className="numeric">{q.activities}</td>
                  <td className="numeric">{q.parentsReached}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/* --- Confidential cases -------------------------------------------------------------------------- */

function CasesSection({ overview }: { overview: AreaOverview }) {
  const { t } = useT('areas', 'complaints');
  const id = useId();
  const cases = overview.confidentialCases;
  const anyHidden = isHidden(cases.totalDisplay) || cases.perArea.some((a) => isHidden(a.display));
  const areaName = (code: string) => {
    const key = `complaints.areas.${code}`;
    const text = t(key as never);
    return text === key ? code : text;
  };
  return (
    <section aria-labelledby={`${id}-cases`} className="area-section">
      <h2 id={`${id}-cases`}>{t('areas.cases.title')}</h2>
      <p>{t('areas.cases.intro', { year: cases.year })}</p>
      <div className="table-wrap" role="region" aria-label={t('areas.cases.caption', { year: cases.year })} tabIndex={0}>
        <table data-testid="cases-table">
          <caption className="visually-hidden">{t('areas.cases.caption', { year: cases.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('areas.cases.area')}</th>
              <th scope="col" className="numeric">{t('areas.cases.count')}</th>
            </tr>
          </thead>
          <tbody>
            {cases.perArea.map((a) => (
              <tr key={a.area}>
                <th scope="row">{areaName(a.area)}</th>
                <td className="numeric">{a.display}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('areas.cases.total')}</th>
              <td className="numeric" data-testid="cases-total">
                {cases.totalDisplay}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {anyHidden && (
        <>
          <SmallNumbersNote />
          {cases.totalDisplay.trim() === '-' && <p className="muted">{t('areas.cases.dash')}</p>}
        </>
      )}
    </section>
  );
}
