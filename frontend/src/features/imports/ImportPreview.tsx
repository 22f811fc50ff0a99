import { ImportStatusBadge } from '../../components/ImportStatus';
import { useT } from '../../lib/i18n';
import type { ImportResult } from '../../api/registryTypes';

export const MAX_PREVIEW_ROWS = 500;


/** The rows of an import (checked or written): what happens to each, and what is wrong with it. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const { t, i18n } = useT();
  const rows = result.rows.slice(0, MAX_PREVIEW_ROWS);
  const column = (field: string) => {
    const key = `imports.columns.${field}`;
    return i18n.exists(key) ? t(key as 'imports.columns.name') : field;
  };
  const caption = result.dryRun ? t('imports.previewCaption') : t('imports.resultCaption');
  return (
    <>
      <dl className="import-summary">
        <div>
          <dt>{t('imports.summary.total')}</dt>
          <dd>{result.total}</dd>
        </div>
        <div>
          <dt>{t('imports.summary.valid')}</dt>
          <dd>{result.valid}</dd>
        </div>
        <div className={result.invalid > 0 ? 'has-errors' : undefined}>
          <dt>{t('imports.summary.invalid')}</dt>
          <dd>{result.invalid}</dd>
        </div>
        <div>
          <dt>{t('imports.summary.created')}</dt>
          <dd>{result.created}</dd>
        </div>
        <div>
          <dt>{t('imports.summary.updated')}</dt>
          <dd>{result.updated}</dd>
        </div>
      </dl>
      <p className="muted">
        {result.encoding === 'xlsx'
          ? t('imports.fileInfoXlsx')
          : t('imports.fileInfo', { encoding: result.encoding, separator: result.separator })}
      </p>
      {(result.columns ?? []).length > 0 && (
        <details className="import-columns" data-testid="import-columns" open={(result.columns ?? []).some((c) => !c.field)}>
          <summary>{t('imports.understood')}</summary>
          <ul className="plain-list">
            {(result.columns ?? []).map((c, index) => (
              <li key={`${c.header}-${index}`} data-field={c.field ?? ''}>
                <strong>{c.header}</strong> → {c.field ? column(c.field) : <span className="muted">{t('imports.columnIgnored')}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {result.rows.length > MAX_PREVIEW_ROWS && <p>{t('imports.previewTruncated', { count: MAX_PREVIEW_ROWS })}</p>}
      {rows.length > 0 && (
        <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
          <table className="import-table stack-on-phone" data-testid="import-preview">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('imports.row')}
                </th>
                <th scope="col">{t('imports.key')}</th>
                <th scope="col">{t('imports.status')}</th>
                <th scope="col">{t('imports.errorsHeader')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.row} className={row.status === 'error' ? 'row-error' : undefined} data-status={row.status}>
                  <td data-label={t('imports.row')} className="numeric">
                    {row.row}
                  </td>
                  <td data-label={t('imports.key')} className="break">
                    {row.key || t('common.none')}
                  </td>
                  <td data-label={t('imports.status')}>
                    <ImportStatusBadge status={row.status} label={t(`imports.statuses.${row.status}`)} />
                  </td>
                  <td data-label={t('imports.errorsHeader')}>
                    {(row.errors ?? []).length === 0 ? (
                      <span className="muted">{t('common.none')}</span>
                    ) : (
                      <ul className="plain-list">
                        {(row.errors ?? []).map((e, i) => (
                          <li key={i}>
                            <strong>{column(e.field)}:</strong> {e.reason}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
