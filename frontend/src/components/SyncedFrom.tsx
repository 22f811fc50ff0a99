/**
 * "From ParnasSys": a record kept by a school administration system. The fields the source sends
 * are its own: shown here as such, read-only in the forms (the API refuses a change by hand with
 * the source named, and the next sync would undo it anyway).
 */
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';

export type SyncedFrom = components['schemas']['SyncedFrom'];

/**
 * The form fields a source keeps. `aliases` maps the API's field names to the form's where they
 * differ (`municipalityCode` is the form's `municipalityId`, `locationCode` its `schoolId`).
 */
export function ownedFields(syncedFrom: SyncedFrom | null | undefined, aliases: Record<string, string> = {}): Set<string> {
  return new Set((syncedFrom?.fields ?? []).map((field) => aliases[field] ?? field));
}

/** The hint under an owned field, or undefined for a field the school keeps. */
export function useSyncedHint(syncedFrom: SyncedFrom | null | undefined, owned: Set<string>) {
  const { t } = useTranslation();
  return (field: string): string | undefined =>
    syncedFrom && owned.has(field) ? t('synced.fieldHint', { source: syncedFrom.sourceLabel }) : undefined;
}

/** The notice on a record's page: which source keeps which of its fields. */
export function SyncedNotice({ syncedFrom, labels }: { syncedFrom: SyncedFrom | null | undefined; labels: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  if (!syncedFrom) return null;
  const names = syncedFrom.fields.map((field) => labels[field] ?? field);
  const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(names);
  return (
    <p className="notice notice-synced" data-testid="synced-from">
      <span className="badge">{t('synced.badge', { source: syncedFrom.sourceLabel })}</span>{' '}
      {t('synced.notice', { source: syncedFrom.sourceLabel, fields: list.toLowerCase() })}
    </p>
  );
}
