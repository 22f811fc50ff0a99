/**
 * `/inclusie`: the tracks of the boards the user works for, and for a board administrator whose
 * board has none yet, "Start het traject". With one track and nothing to start, straight to it.
 */
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { scopeLabel } from '../../lib/auth/access';
import { newIdempotencyKey } from '../keypersons/format';
import { formatDate } from '../../lib/format';
import { useCreateTrack, useTracks } from './api';
import { jobsText } from './format';
import { useT } from '../../lib/i18n';
import { trackPath } from './paths';
import { boardsToStart, canSeeInclusion } from './permissions';
import './inclusion.css';

export function InclusionHomePage() {
  const { t, language } = useT('inclusion');
  const access = useAccess();
  const user = useUser();
  const navigate = useNavigate();
  const allowed = canSeeInclusion(access);
  const tracks = useTracks(allowed);
  const create = useCreateTrack();
  const idempotencyKey = useRef(newIdempotencyKey());
  const [starting, setStarting] = useState<number | null>(null);
  useDocumentTitle(t('inclusion.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('inclusion.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (tracks.isPending) return <Loading />;
  if (tracks.isError) return <ProblemAlert error={tracks.error} onRetry={() => void tracks.refetch()} />;

  const list = [...tracks.data].sort((a, b) => a.boardName.localeCompare(b.boardName));
  const withTrack = new Set(list.map((tr) => tr.boardId));
  const startable = boardsToStart(access)
    .filter((id) => !withTrack.has(id))
    .map((id) => ({ id, name: scopeLabel(user, 'board', id) }))
    .sort((a, b) => a.name.localeCompare(b.name));

  // (Not while a track is being started here: that navigation carries the "started" message.)
  if (list.length === 1 && startable.length === 0 && create.isIdle) return <Navigate to={trackPath(list[0]!.id)} replace />;

  async function start(boardId: number) {
    if (create.isPending) return;
    setStarting(boardId);
    try {
      const created = await create.mutateAsync({ body: { boardId }, idempotencyKey: idempotencyKey.current });
      idempotencyKey.current = newIdempotencyKey();
      navigate(trackPath(created.data.id), { state: { flash: t('inclusion.start.started') } });
    } catch {
      /* shown below */
    } finally {
      setStarting(null);
    }
  }

  return (
    <>
      <h1>{t('inclusion.title')}</h1>
      <p className="lead">{t('inclusion.intro')}</p>
      <ProblemAlert error={create.error} focus />
      {list.length === 0 && startable.length === 0 && <p>{t('inclusion.chooser.none')}</p>}
      {list.length + startable.length > 1 && <p>{t('inclusion.chooser.intro')}</p>}
      <ul className="cards" data-testid="inclusion-boards">
        {list.map((tr) => (
          <li key={tr.id} className="card">
            <p className="card-kicker">{t('inclusion.chooser.phase', { phase: t(`inclusion.phases.names.${tr.phase}`) })}</p>
            <h2 className="card-title">
              <Link to={trackPath(tr.id)}>{t('inclusion.chooser.open', { board: tr.boardName })}</Link>
            </h2>
            <p className="card-meta">
              {t('inclusion.chooser.since', { date: formatDate(tr.phaseSince, language) })} · {t('inclusion.track.realised')}:{' '}
              {jobsText(tr.jobsRealised, t, language)}
            </p>
          </li>
        ))}
        {startable.map((b) => (
          <li key={b.id} className="card">
            <p className="card-kicker">{t('inclusion.chooser.noTrack')}</p>
            <h2 className="card-title">{b.name}</h2>
            <p>{t('inclusion.start.intro', { board: b.name })}</p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void start(b.id)}
              disabled={create.isPending}
              aria-label={t('inclusion.start.buttonNamed', { board: b.name })}
            >
              {starting === b.id ? t('inclusion.start.starting') : t('inclusion.start.button')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
