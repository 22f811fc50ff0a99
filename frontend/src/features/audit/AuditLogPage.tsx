import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEvent } from '../../api/types';
import { BoardFilter } from '../../components/BoardFilter';
import { ListResults } from '../../components/ListResults';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { formatDateTime, formatValue } from '../../lib/format';
import { useAllBoards } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeAudit } from '../../lib/auth/permissions';
import { useAuditEvents } from './api';
import en from '../../i18n/en.json';

const FILTERS = ['boardId', 'schoolId', 'entityType', 'entityId', 'action'] as const;
const ACTIONS = ['create', 'update', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

function asAction(value: string | undefined): Action | undefined {
  return ACTIONS.find((a) => a === value);
}
const ENTITY_TYPES = Object.keys(en.audit.entityTypes) as (keyof typeof en.audit.entityTypes)[];

function entityLink(event: AuditEvent): string | null {
  if (event.action === 'delete') return null;
  if (event.entityType === 'board') return `/boards/${event.entityId}`;
  if (event.entityType === 'school') return `/schools/${event.entityId}`;
  if (event.entityType === 'user') return `/users/${event.entityId}`;
  if (event.entityType === 'api-client') return '/api-clients';
  if (event.entityType === 'region') return `/regions/${event.entityId}`;
  return null;
}

const FIELD_NAMESPACES: Record<string, 'boards' | 'schools' | 'users' | 'apiClients'> = {
  board: 'boards',
  school: 'schools',
  user: 'users',
  'api-client': 'apiClients',
};

/** Bookkeeping columns that say nothing to a reader of the log. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The recorded name of the entity, when the snapshot holds one. */
function entityName(event: AuditEvent): string | null {
  const after = (event.after ?? {}) as Record<string, unknown>;
  const before = (event.before ?? {}) as Record<string, unknown>;
  const name = after.name ?? before.name;
  return typeof name === 'string' && name ? name : null;
}

function Changes({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const ns = FIELD_NAMESPACES[event.entityType];
  const fieldLabel = (field: string) => {
    if (!ns) return field;
    const name = camel(field);
    // `municipalityId` is labelled as `municipality`, and so on.
    for (const key of [`${ns}.${name}`, `${ns}.${name.replace(/Id$/, '')}`]) {
      if (i18n.exists(key)) return String(t(key as never));
    }
    return field;
  };
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  const fields = Array.from(new Set([...Object.keys(before), ...Object.keys(after)]))
    .filter((f) => !HIDDEN_FIELDS.has(camel(f)))
    .sort();
  if (fields.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <details>
      <summary>
        {t('audit.showChanges')} ({fields.length})
      </summary>
      <table className="changes">
        <thead>
          <tr>
            <th scope="col">{t('audit.field')}</th>
            <th scope="col">{t('audit.before')}</th>
            <th scope="col">{t('audit.after')}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f}>
              <th scope="row">{fieldLabel(f)}</th>
              <td>{formatValue(before[f])}</td>
              <td>{formatValue(after[f])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, '-occurredAt');
  useDocumentTitle(t('audit.title'));
  const boardId = toNumber(params.filters.boardId);
  const entityId = toNumber(params.filters.entityId);
  const entityType = params.filters.entityType;
  const schoolId = toNumber(params.filters.schoolId);
  const action = asAction(params.filters.action);
  const allowed = canSeeAudit(access);
  const boards = useAllBoards(allowed);
  const query = useAuditEvents({
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    boardId,
    schoolId,
    entityType,
    entityId,
    action,
  }, allowed);

  if (!allowed) {
    return (
      <>
        <h1>{t('audit.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }

  const typeLabel = (type: string) =>
    (ENTITY_TYPES as string[]).includes(type) ? t(`audit.entityTypes.${type as (typeof ENTITY_TYPES)[number]}`) : type;
  const filtersActive = FILTERS.some((f) => params.filters[f]);

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="lead">{t('audit.intro')}</p>
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtersActive ? FILTERS : []}
        resetKey={[boardId, schoolId, entityType, entityId, action, boards.data?.length].join('|')}
        onSearch={(v) =>
          update({ boardId: v.boardId, schoolId: v.schoolId, entityType: v.entityType, entityId: v.entityId, action: v.action })
        }
      >
        <BoardFilter boards={boards.data} value={boardId} label={t('audit.board')} onlyForChoice />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('audit.entityType')}</label>
          <select id={`${id}-type`} name="entityType" defaultValue={entityType ?? ''}>
            <option value="">{t('common.all')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
          <select id={`${id}-action`} name="action" defaultValue={action ?? ''}>
            <option value="">{t('common.all')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </div>
        {schoolId && <input type="hidden" name="schoolId" value={String(schoolId)} />}
        <div className="field">
          <label htmlFor={`${id}-entity`}>{t('audit.entityId')}</label>
          <input
            id={`${id}-entity`}
            name="entityId"
            inputMode="numeric"
            pattern="[0-9]*"
            className="input-short"
            defaultValue={entityId ? String(entityId) : ''}
          />
        </div>
      </SearchForm>
      <ListResults query={query} label={t('audit.title')} onPage={(page) => update({ page })}>
        {(items) => (
          <table>
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="occurredAt" label={t('audit.occurredAt')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((event) => {
                const link = entityLink(event);
                const name = entityName(event);
                const label = `${typeLabel(event.entityType)} #${event.entityId}${name ? `: ${name}` : ''}`;
                return (
                  <tr key={event.id}>
                    <td data-label={t('audit.occurredAt')}>
                      <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, i18n.language)}</time>
                    </td>
                    <td data-label={t('audit.actor')}>{event.actorLabel}</td>
                    <td data-label={t('audit.action')}>
                      <span className={`badge badge-${event.action}`}>
                        {asAction(event.action) ? t(`audit.actions.${asAction(event.action)!}`) : event.action}
                      </span>
                    </td>
                    <td data-label={t('audit.entity')}>{link ? <Link to={link}>{label}</Link> : label}</td>
                    <td data-label={t('audit.changes')}>
                      <Changes event={event} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
