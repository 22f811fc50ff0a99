import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BoardFilter } from '../../components/BoardFilter';
import { ListResults } from '../../components/ListResults';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { formatDateTime } from '../../lib/format';
import { useAllBoards } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeSyncRuns } from '../../lib/auth/permissions';
import { useSyncRuns } from './api';
import { shortCounts } from './format';
import { KNOWN_SOURCES, type SyncRun } from './types';

const FILTERS = ['boardId', 'source'] as const;

/** The status of a run as a badge, with dry run and "valid items only" noted. */
export function RunStatus({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-sync-${run.status}`} data-status={run.status}>
      {t(`sync.statuses.${run.status}`)}
    </span>
  );
}

export function RunMode({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  const notes = [run.dryRun && run.status !== 'dry-run' ? t('sync.dryRun') : null, run.validOnly ? t('sync.validOnly') : null].filter(Boolean);
  return (
    <>
      {t(`sync.modes.${run.mode}`)}
      {notes.length > 0 && <span className="muted"> ({notes.join(', ')})</span>}
    </>
  );
}

export function SyncRunsPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const id = useId();
  const allowed = canSeeSyncRuns(access);
  const { params, update } = useListParams(FILTERS, '-startedAt');
  useDocumentTitle(t('sync.title'));
  const boardId = toNumber(params.filters.boardId);
  const source = params.filters.source;
  const boards = useAllBoards(allowed);
  const query = useSyncRuns({ page: params.page, pageSize: params.pageSize, boardId, source }, allowed);

  if (!allowed) {
    return (
      <>
        <h1>{t('sync.title')}</h1>
        <ProblemAlert error={null} message={t('sync.forbidden')} />
      </>
    );
  }
  const filtered = Boolean(boardId || source);

  return (
    <>
      <div className="page-header">
        <h1>{t('sync.title')}</h1>
        <div className="actions">
          <Link to="/synchronisaties/functienamen" className="button">
            {t('sync.mappings.nav')}
          </Link>
        </div>
      </div>
      <p className="lead">{t('sync.intro')}</p>
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtered ? FILTERS : []}
        resetKey={[boardId, source, boards.data?.length].join('|')}
        onSearch={(v) => update({ boardId: v.boardId, source: v.source })}
      >
        <BoardFilter boards={boards.data} value={boardId} label={t('sync.board')} onlyForChoice />
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('sync.source')}</label>
          <input
            id={`${id}-source`}
            name="source"
            list={`${id}-sources`}
            maxLength={40}
            autoComplete="off"
            className="input-short"
            defaultValue={source ?? ''}
          />
          <datalist id={`${id}-sources`}>
            {KNOWN_SOURCES.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('sync.caption')} onPage={(page) => update({ page })} empty={filtered ? t('sync.noneFiltered') : t('sync.none')}>
        {(items) => (
          <table data-testid="sync-runs-table">
            <caption className="visually-hidden">{t('sync.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sync.when')}</th>
                <th scope="col">{t('sync.source')}</th>
                <th scope="col">{t('sync.mode')}</th>
                <th scope="col">{t('sync.status')}</th>
                <th scope="col">{t('sync.summary')}</th>
                <th scope="col">{t('sync.by')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((run) => (
                <tr key={run.id} data-run={run.id}>
                  <td data-label={t('sync.when')}>
                    <Link to={`/synchronisaties/${run.id}`} aria-label={t('sync.open', { id: run.id })}>
                      <time dateTime={run.startedAt}>{formatDateTime(run.startedAt, i18n.language)}</time>
                    </Link>
                  </td>
                  <td data-label={t('sync.source')}>{run.sourceLabel}</td>
                  <td data-label={t('sync.mode')}>
                    <RunMode run={run} />
                  </td>
                  <td data-label={t('sync.status')}>
                    <RunStatus run={run} />
                  </td>
                  <td data-label={t('sync.summary')}>{shortCounts(run.counts, t)}</td>
                  <td data-label={t('sync.by')}>{run.actorLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
