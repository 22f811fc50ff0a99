/**
 * A board's inclusion track (`/inclusie/:trackId`): where the board is (the phases as a stepper),
 * ambition against jobs realised, the quota view, the bottlenecks, the action plan (printable),
 * the placements with their mentors, the region's employer service point and the evaluation.
 * The board's administrators keep it; its staff read it (without employees' names).
 */
import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { formatDate, today } from '../../lib/format';
import { ActionPlanSection } from './ActionPlanSection';
import { AmbitionSection } from './AmbitionSection';
import { useTrack, useTracks } from './api';
import { BottlenecksSection } from './BottlenecksSection';
import { EvaluationSection } from './EvaluationSection';
import { jobsText } from './format';
import { type TKey, useT } from '../../lib/i18n';
import { INCLUSION_PATH, type TrackSection } from './paths';
import { boardsToStart, canManageTrack, canSeeInclusion } from './permissions';
import { PhasesSection } from './PhaseStepper';
import { PlacementsSection } from './PlacementsSection';
import { QuotaSection } from './QuotaSection';
import { ServicePointSection } from './ServicePointSection';
import './inclusion.css';

const SECTIONS: [TrackSection, TKey<'inclusion'>][] = [
  ['fasen', 'inclusion.phases.title'],
  ['ambitie', 'inclusion.ambition.title'],
  ['quotum', 'inclusion.quota.title'],
  ['knelpunten', 'inclusion.bottlenecks.title'],
  ['actieplan', 'inclusion.actions.title'],
  ['plaatsingen', 'inclusion.placements.title'],
  ['werkgeversservicepunt', 'inclusion.servicePoint.title'],
  ['evaluatie', 'inclusion.evaluation.title'],
];

export function TrackPage() {
  const { t, language } = useT('inclusion');
  const access = useAccess();
  const { hash } = useLocation();
  const trackId = parseId(useParams().trackId);
  const allowed = canSeeInclusion(access);
  const query = useTrack(allowed ? trackId : Number.NaN);
  const tracks = useTracks(allowed);
  const track = query.data?.data;
  useDocumentTitle(track ? t('inclusion.track.title', { board: track.boardName }) : t('inclusion.title'));

  // A link to a section (from the gaps, say): go there once the page is there.
  const loaded = Boolean(track);
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target && typeof target.scrollIntoView === 'function') target.scrollIntoView();
  }, [loaded, hash]);

  if (!allowed) {
    return (
      <>
        <h1>{t('inclusion.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(trackId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { etag } = query.data;
  const data = query.data.data;
  const manage = canManageTrack(access, data.boardId);
  const reload = () => query.refetch();
  // "All tracks" only when there is more than this one to choose from (or one to start).
  const others = (tracks.data ?? []).filter((tr) => tr.id !== data.id).length;
  const toStart = boardsToStart(access).filter((b) => !(tracks.data ?? []).some((tr) => tr.boardId === b)).length;
  const props = { track: data, etag, canManage: manage, onReload: reload };

  return (
    <div className="track-page">
      {others + toStart > 0 && (
        <p className="breadcrumb">
          <Link to={INCLUSION_PATH}>{t('inclusion.track.back')}</Link>
        </p>
      )}
      <div className="print-only print-plan-header">
        <p className="print-plan-title">{t('inclusion.actions.printTitle')}</p>
        <p>{t('inclusion.actions.printedOn', { board: data.boardName, date: formatDate(today(), language) })}</p>
      </div>
      <h1>{t('inclusion.track.title', { board: data.boardName })}</h1>
      <Flash />
      <dl className="track-figures" aria-label={t('inclusion.track.figures')}>
        <div>
          <dt>{t('inclusion.track.phase')}</dt>
          <dd data-testid="track-phase">{t(`inclusion.phases.names.${data.phase}`)}</dd>
        </div>
        <div>
          <dt>{t('inclusion.track.realised')}</dt>
          <dd>{jobsText(data.jobsRealised, t, language)}</dd>
        </div>
        <div>
          <dt>{t('inclusion.track.placements')}</dt>
          <dd>
            {data.placementsTotal}
            <span className="figure-note">{t('inclusion.track.placementsCounting', { counting: data.placementsCounting, total: data.placementsTotal })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('inclusion.track.actionsOpen')}</dt>
          <dd>
            {data.actionsOpen}
            {data.actionsOverdue > 0 && <span className="figure-note">{t('inclusion.track.actionsOverdue', { count: data.actionsOverdue })}</span>}
          </dd>
        </div>
      </dl>
      {!manage && <p className="muted no-print">{t('inclusion.track.readOnly')}</p>}
      <nav className="track-nav no-print" aria-label={t('inclusion.track.sections')}>
        <ul>
          {SECTIONS.map(([anchor, key]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{t(key)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PhasesSection {...props} />
      <AmbitionSection {...props} />
      <QuotaSection {...props} />
      <BottlenecksSection trackId={data.id} canManage={manage} />
      <ActionPlanSection track={data} canManage={manage} />
      <PlacementsSection track={data} />
      <ServicePointSection {...props} />
      <EvaluationSection {...props} />
    </div>
  );
}
