/** A row's outcome in an import's preview (the CSV and Excel import, DUO's schools): an icon and a word. */
export type ImportStatus = 'create' | 'update' | 'unchanged' | 'error';

const STATUS_ICONS: Record<ImportStatus, string> = { create: '+', update: '✎', unchanged: '=', error: '✗' };

export function ImportStatusBadge({ status, label }: { status: ImportStatus; label: string }) {
  return (
    <span className={`badge import-status import-status-${status}`}>
      <span aria-hidden="true">{STATUS_ICONS[status]} </span>
      {label}
    </span>
  );
}
