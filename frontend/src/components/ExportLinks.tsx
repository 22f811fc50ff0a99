import { API_BASE_URL } from '../api/client';
import { useT } from '../lib/i18n';
import type { ExportKind, ScreenExportKind } from '../api/registryTypes';

/** The address of an export file; a normal link with the session cookie downloads it. */
export function exportHref(kind: ExportKind, format: 'csv' | 'xlsx', boardId?: number): string {
  const query = new URLSearchParams({ format });
  if (boardId) query.set('boardId', String(boardId));
  return `${API_BASE_URL}/exports/${kind}?${query.toString()}`;
}

/** Download links for a list as CSV (for Excel: UTF-8 with BOM, `;`) and as XLSX. */
export function ExportLinks({ kind, boardId }: { kind: ScreenExportKind; boardId?: number }) {
  const { t } = useT();
  const what = t(`registry.exportKinds.${kind}`);
  return (
    <div className="export-links" role="group" aria-label={t('registry.exportLabel', { what })}>
      <span className="export-label">{t('registry.export')}</span>
      <a href={exportHref(kind, 'csv', boardId)} download className="button button-small">
        {t('registry.exportCsv')}
        <span className="visually-hidden"> ({what})</span>
      </a>
      <a href={exportHref(kind, 'xlsx', boardId)} download className="button button-small">
        {t('registry.exportXlsx')}
        <span className="visually-hidden"> ({what})</span>
      </a>
    </div>
  );
}
