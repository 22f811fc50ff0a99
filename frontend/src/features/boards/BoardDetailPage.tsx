import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { externalHref, formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canCreateSchool, canDeleteBoard, canEditBoard, canSeeAudit } from '../../lib/auth/permissions';
import { ComplaintSettingsSection } from '../complaints/SettingsPages';
import { BoardProgrammesSection } from '../programmes/BoardProgrammesSection';
import { useSchools } from '../schools/api';
import { DuoImportSection } from './DuoImportSection';
import { useBoard, useDeleteBoard } from './api';

export function BoardDetailPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const boardId = parseId(useParams().boardId);
  const query = useBoard(boardId);
  const schools = useSchools({ boardId, pageSize: 100, sort: 'name' }, Number.isFinite(boardId));
  const remove = useDeleteBoard(boardId);
  const [confirming, setConfirming] = useState(false);
  const [duoOpen, setDuoOpen] = useState(false);
  const duoToggle = useRef<HTMLButtonElement>(null);
  useDocumentTitle(query.data?.board.name ?? t('boards.title'));

  if (!Number.isFinite(boardId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { board, etag } = query.data;
  const mayEdit = canEditBoard(access, board.id);

  async function onDelete() {
    try {
      await remove.mutateAsync({ etag });
      navigate('/boards', { state: { flash: t('common.deleted') } });
    } catch {
      setConfirming(false);
    }
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/boards">{t('boards.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{board.name}</h1>
        <div className="actions">
          {mayEdit && (
            <Link to={`/boards/${board.id}/edit`} className="button button-primary">
              {t('common.edit')}
            </Link>
          )}
          {canDeleteBoard(access) && !confirming && (
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </div>
      <Flash />
      {confirming && (
        <div className="alert alert-warning" role="group" aria-labelledby="confirm-delete">
          <p id="confirm-delete">{t('common.confirmDelete')}</p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void onDelete()} disabled={remove.isPending}>
              {t('common.delete')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ProblemAlert error={remove.error} focus />

      <section aria-labelledby="board-details">
        <h2 id="board-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('boards.number')}</dt>
          <dd>{board.number}</dd>
          <dt>{t('boards.municipality')}</dt>
          <dd>{board.municipalityName ?? t('common.none')}</dd>
          <dt>{t('boards.email')}</dt>
          <dd>{board.email ? <a href={`mailto:${board.email}`}>{board.email}</a> : t('common.none')}</dd>
          <dt>{t('boards.phone')}</dt>
          <dd>{board.phone ? <a href={`tel:${board.phone}`}>{board.phone}</a> : t('common.none')}</dd>
          <dt>{t('boards.website')}</dt>
          <dd>
            {board.website ? (
              <a href={externalHref(board.website)} rel="noopener noreferrer">
                {board.website}
              </a>
            ) : (
              t('common.none')
            )}
          </dd>
          <dt>{t('boards.retentionYears')}</dt>
          <dd data-testid="retention-years">{board.retentionYears}</dd>
          <dt>{t('common.updatedAt')}</dt>
          <dd>{formatDateTime(board.updatedAt, i18n.language)}</dd>
        </dl>
      </section>

      <section aria-labelledby="board-schools">
        <div className="section-header">
          <h2 id="board-schools">{t('boards.schools')}</h2>
          {canCreateSchool(access) && mayEdit && (
            <div className="actions">
              <Link to={`/schools/new?boardId=${board.id}`} className="button">
                {t('boards.addSchool')}
              </Link>
              <button
                ref={duoToggle}
                type="button"
                className="button"
                aria-expanded={duoOpen}
                aria-controls={duoOpen ? 'duo-import-panel' : undefined}
                onClick={() => setDuoOpen((open) => !open)}
              >
                {t('duo.open')}
              </button>
            </div>
          )}
        </div>
        {schools.isPending && <Loading />}
        {schools.isError && <ProblemAlert error={schools.error} />}
        {schools.data &&
          (schools.data.items.length === 0 ? (
            <p>{t('common.noResults')}</p>
          ) : (
            <ul className="link-list">
              {schools.data.items.map((school) => (
                <li key={school.id}>
                  <Link to={`/schools/${school.id}`}>{school.name}</Link>{' '}
                  <span className="muted">
                    {school.locationCode} · {school.sector}
                    {school.city ? ` · ${school.city}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ))}
        {schools.data && schools.data.total > schools.data.items.length && (
          <p>
            <Link to={`/schools?boardId=${board.id}`}>{t('boards.allSchools')}</Link>
          </p>
        )}
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?boardId=${board.id}`}>{t('boards.auditTrail')}</Link>
          </p>
        )}
      </section>
      {duoOpen && mayEdit && (
        <div id="duo-import-panel">
          <DuoImportSection boardId={board.id} boardNumber={board.number} onClose={() => {
              setDuoOpen(false);
              duoToggle.current?.focus();
            }}
          />
        </div>
      )}
      <BoardProgrammesSection boardId={board.id} />
      <ComplaintSettingsSection boardId={board.id} />
    </>
  );
}
