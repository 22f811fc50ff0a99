import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSyncRun } from './api';
import { showValue } from './format';
import { RunMode, RunStatus } from './SyncRunsPage';
import { COLLECTIONS, COUNT_KINDS, type ItemChange, type SyncRun } from './types';

/** Where a changed record lives in the SPA (none for a dry run's creations). */
function recordLink(change: ItemChange): string | null {
  if (change.id == null) return null;
  if (change.collection === 'people') return `/people/${change.id}`;
  if (change.collection === 'roleAssignments') return `/role-assignments/${change.id}`;
  return `/schools/${change.id}`;
}

function CountsTable({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap" role="region" aria-label={t('sync.countsCaption')} tabIndex={0}>
      <table data-testid="sync-counts">
        <caption className="visually-hidden">{t('sync.countsCaption')}</caption>
        <thead>
          <tr>
            <td />
            {COUNT_KINDS.map((kind) => (
              <th key={kind} scope="col" className="numeric">
                {t(`sync.counts.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {COLLECTIONS.map((collection) => (
            <tr key={collection} data-collection={collection}>
              <th scope="row">{t(`sync.collections.${collection}`)}</th>
              {COUNT_KINDS.map((kind) => (
                <td key={kind} className="numeric" data-label={t(`sync.counts.${kind}`)} data-kind={kind}>
                  {run.counts[collection]?.[kind] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Fields({ change }: { change: ItemChange }) {
  const { t, i18n } = useTranslation();
  const empty = t('sync.emptyValue');
  const show = (value: unknown) => showValue(value, empty, i18n.language);
  const label = (field: string) => (i18n.exists(`sync.fieldNames.${field}`) ? String(t(`sync.fieldNames.${field}` as never)) : field);
  const entries = Object.entries(change.fields ?? {});
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="plain-list">
      {entries.map(([field, value]) => (
        <li key={field}>
          <strong>{label(field)}</strong>: {change.action === 'created' ? '' : `${show(value.old)} → `}
          {show(value.new)}
        </li>
      ))}
    </ul>
  );
}

export function SyncRunPage() {
  const { t, i18n } = useTranslation();
  const syncRunId = parseId(useParams().syncRunId);
  const query = useSyncRun(syncRunId);
  const run = query.data;
  useDocumentTitle(run ? t('sync.runTitle', { id: run.id, source: run.sourceLabel }) : t('sync.title'));

  if (!Number.isFinite(syncRunId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError || !run) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const lang = i18n.language;
  const hint = run.status === 'rejected' || run.status === 'stopped' ? t(`sync.statusHints.${run.status}`) : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/synchronisaties">{t('sync.back')}</Link>
      </p>
      <h1>{t('sync.runTitle', { id: run.id, source: run.sourceLabel })}</h1>
      <dl className="details">
        <dt>{t('sync.status')}</dt>
        <dd>
          <RunStatus run={run} />
        </dd>
        <dt>{t('sync.mode')}</dt>
        <dd>
          <RunMode run={run} /> <span className="muted">— {t(`sync.modeHints.${run.mode}`)}</span>
        </dd>
        <dt>{t('sync.by')}</dt>
        <dd>{run.actorLabel}</dd>
        <dt>{t('sync.started')}</dt>
        <dd>{formatDateTime(run.startedAt, lang)}</dd>
        <dt>{t('sync.finished')}</dt>
        <dd>{formatDateTime(run.finishedAt, lang) || t('common.none')}</dd>
      </dl>
      {hint && (
        <p className="notice" role="note" data-testid="sync-status-hint">
          {hint}
        </p>
      )}

      <section aria-labelledby="sync-counts">
        <h2 id="sync-counts">{t('sync.countsCaption')}</h2>
        <CountsTable run={run} />
      </section>

      {run.problems.length > 0 && (
        <section aria-labelledby="sync-problems">
          <h2 id="sync-problems">{t('sync.problems')}</h2>
          <div className="table-wrap" role="region" aria-label={t('sync.problemsCaption')} tabIndex={0}>
            <table data-testid="sync-problems">
              <caption className="visually-hidden">{t('sync.problemsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sync.item')}</th>
                  <th scope="col">{t('sync.field')}</th>
                  <th scope="col">{t('sync.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {run.problems.map((p, index) => (
                  <tr key={`${p.collection}-${p.index}-${p.field ?? ''}-${index}`}>
                    <td data-label={t('sync.item')}>
                      {t('sync.itemNumber', { collection: t(`sync.collections.${p.collection}`), number: p.index + 1 })}
                    </td>
                    <td data-label={t('sync.field')}>{p.field ?? t('sync.wholeItem')}</td>
                    <td data-label={t('sync.problem')}>{p.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="sync-changes">
        <h2 id="sync-changes">{t('sync.changes')}</h2>
        {run.changes == null ? (
          <p>{t('sync.changesPurged')}</p>
        ) : run.changes.length === 0 ? (
          <p>{t('sync.noChanges')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label={t('sync.changesCaption')} tabIndex={0}>
            <table data-testid="sync-changes">
              <caption className="visually-hidden">{t('sync.changesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sync.record')}</th>
                  <th scope="col">{t('sync.action')}</th>
                  <th scope="col">{t('sync.key')}</th>
                  <th scope="col">{t('sync.fields')}</th>
                </tr>
              </thead>
              <tbody>
                {run.changes.map((change, index) => {
                  const link = run.status === 'applied' ? recordLink(change) : null;
                  return (
                    <tr key={`${change.collection}-${change.key}-${index}`} data-action={change.action}>
                      <td data-label={t('sync.record')}>
                        <span className="muted">{t(`sync.collections.${change.collection}`)}: </span>
                        {link ? <Link to={link}>{change.label}</Link> : change.label}
                      </td>
                      <td data-label={t('sync.action')}>
                        <span className={`badge badge-sync-${change.action}`}>{t(`sync.actions.${change.action}`)}</span>
                      </td>
                      <td data-label={t('sync.key')}>
                        <code>{change.key}</code>
                      </td>
                      <td data-label={t('sync.fields')}>
                        <Fields change={change} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
