import { ImportStatusBadge } from '../../components/ImportStatus';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreviewWrite } from '../../lib/usePreviewWrite';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SectorOptions } from '../schools/SectorOptions';
import { useDuoImport, type DuoImportResult, type DuoSector } from './duoApi';

/** DUO's open data: per sector, under *Scholen en adressen*, the file *Adressen alle vestigingen*. */
const DUO_OPEN_DATA = 'https://duo.nl/open_onderwijsdata/';

/** The API's objection to the file as a whole, in the user's language. */
function fileProblem(error: unknown, t: ReturnType<typeof useTranslation>['t']): string | undefined {
  if (!isProblemError(error) || error.status !== 400) return undefined;
  if (error.type.endsWith(':file-too-large')) return t('duo.tooLarge');
  const file = error.invalidParams.find((p) => p.name === 'file');
  return file ? t('duo.unreadable', { reason: file.reason }) : undefined;
}

/** The diff of a DUO import: per location what happens, what changes (old → new) and what is wrong. */
export function DuoImportTable({ result }: { result: DuoImportResult }) {
  const { t, i18n } = useTranslation();
  const field = (name: string) => {
    const key = `schools.${name}`;
    return i18n.exists(key) ? t(key as 'schools.name') : name;
  };
  const problem = (code: string, reason: string) => {
    const key = `duo.problemCodes.${code}`;
    return i18n.exists(key) ? t(key as 'duo.problemCodes.other-board') : reason;
  };
  const shown = (value: string | null | undefined) => (value == null || value === '' ? t('duo.empty') : value);
  return (
    <div className="table-wrap" role="region" aria-label={t('duo.caption')} tabIndex={0}>
      <table className="import-table stack-on-phone" data-testid="duo-preview">
        <caption className="visually-hidden">{t('duo.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('duo.locationCode')}</th>
            <th scope="col">{t('duo.name')}</th>
            <th scope="col">{t('duo.status')}</th>
            <th scope="col">{t('duo.changes')}</th>
            <th scope="col">{t('duo.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {result.schools.map((school) => (
            <tr
              key={`${school.row}-${school.locationCode}`}
              data-status={school.status}
              data-location={school.locationCode}
              className={school.status === 'error' ? 'row-error' : undefined}
            >
              <td data-label={t('duo.locationCode')}>
                <code>{school.locationCode || t('common.none')}</code>
                <span className="muted"> · {t('duo.row', { row: school.row })}</span>
              </td>
              <td data-label={t('duo.name')}>
                {school.name || t('common.none')}
              </td>
              <td data-label={t('duo.status')}>
                <ImportStatusBadge status={school.status} label={t(`duo.statuses.${school.status}`)} />
              </td>
              <td data-label={t('duo.changes')}>
                {(school.changes ?? []).length === 0 ? (
                  <span className="muted">{t('duo.noChanges')}</span>
                ) : (
                  <ul className="plain-list">
                    {(school.changes ?? []).map((c) => (
                      <li key={c.field}>
                        <strong>{field(c.field)}:</strong>{' '}
                        {school.status === 'create' ? (
                          shown(c.new)
                        ) : (
                          <>
                            <del>{shown(c.old)}</del> → <ins>{shown(c.new)}</ins>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td data-label={t('duo.problems')}>
                {(school.problems ?? []).length === 0 ? (
                  <span className="muted">{t('common.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {(school.problems ?? []).map((p, i) => (
                      <li key={i}>
                        <strong>{p.column}:</strong> {problem(p.code, p.reason)}{' '}
                        {problem(p.code, p.reason) !== p.reason && (
                          <span className="muted" lang="en">
                            ({p.reason})
                          </span>
                        )}
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
  );
}

function Summary({ result }: { result: DuoImportResult }) {
  const { t } = useTranslation();
  const figures = [
    ['created', result.created],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
    ['invalid', result.invalid],
  ] as const;
  return (
    <>
      <dl className="import-summary">
        {figures.map(([key, value]) => (
          <div key={key} className={key === 'invalid' && value > 0 ? 'has-errors' : undefined}>
            <dt>{t(`duo.summary.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('duo.fileInfo', { rows: result.rowsInFile, others: result.otherBoardRows })}</p>
      {result.total === 0 && <p className="alert alert-warning">{t('duo.noRows', { number: result.boardNumber })}</p>}
    </>
  );
}

function NotInFile({ result }: { result: DuoImportResult }) {
  const { t } = useTranslation();
  if (result.notInFile.length === 0 || result.total === 0) return null;
  return (
    <div className="duo-not-in-file">
      <h3>{t('duo.notInFile')}</h3>
      <p className="muted">{t('duo.notInFileHint')}</p>
      <ul className="link-list">
        {result.notInFile.map((s) => (
          <li key={s.schoolId}>
            {s.name} <span className="muted">{s.locationCode}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * "Scholen uit DUO bijwerken" on the board page, for its administrators: choose DUO's file of
 * school locations, see the dry run's diff per location, then apply it.
 */
export function DuoImportSection({ boardId, boardNumber, onClose }: { boardId: number; boardNumber: string; onClose: () => void }) {
  const { t } = useTranslation();
  const run = useDuoImport();
  const [sector, setSector] = useState<DuoSector | ''>('');
  const heading = useRef<HTMLHeadingElement>(null);
  const flow = usePreviewWrite<File, DuoImportResult>({
    send: (file, options) => run.mutateAsync({ boardId, file, sector: sector || undefined, ...options }),
    forget: run.reset,
    fileRequired: t('duo.fileRequired'),
  });
  const { file, setFile, fileError, setFileError, preview, written, previewHeading, doneRef, fileInput, reset, check, startOver } = flow;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const toWrite = preview ? preview.created + preview.updated : 0;
  const problemText = fileProblem(run.error, t);

  return (
    <section aria-labelledby="duo-import" className="duo-import" data-testid="duo-import">
      <div className="section-header">
        <h2 id="duo-import" ref={heading} tabIndex={-1}>
          {t('duo.title')}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('duo.close')}
        </button>
      </div>
      <p>{t('duo.intro', { number: boardNumber })}</p>
      <p>
        {t('duo.source')}{' '}
        <a href={DUO_OPEN_DATA} rel="noopener noreferrer">
          {t('duo.sourceLink')}
        </a>
        .
      </p>
      <form className="form" onSubmit={(e) => void check(e)} noValidate>
        <FormField label={t('duo.file')} hint={t('duo.fileHint')} error={fileError} required>
          {(a) => (
            <input
              {...a}
              ref={fileInput}
              type="file"
              name="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                reset();
                setFileError(undefined);
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          )}
        </FormField>
        <FormField label={t('duo.sector')} hint={t('duo.sectorHint')}>
          {(a) => (
            <select
              {...a}
              name="sector"
              value={sector}
              onChange={(e) => {
                setSector(e.target.value as DuoSector | '');
                reset();
              }}
            >
              <option value="">{t('duo.sectorFromFile')}</option>
              <SectorOptions />
            </select>
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={run.isPending}>
            {run.isPending && !preview ? t('duo.checking') : t('duo.check')}
          </button>
        </div>
      </form>

      <ProblemAlert error={run.error} message={problemText} focus />

      {preview && (
        <div className="import-result">
          <h3 id="duo-preview" ref={previewHeading} tabIndex={-1}>
            {t('duo.previewTitle', { file: file?.name ?? '' })}
          </h3>
          <Summary result={preview} />
          {preview.invalid > 0 ? (
            <p className="alert alert-warning" role="status">
              {t('duo.hasProblems', { count: preview.invalid })}
            </p>
          ) : (
            preview.total > 0 && (
              <p className="alert alert-success" role="status">
                {toWrite === 0 ? t('duo.nothingToApply') : t('duo.noProblems')}
              </p>
            )
          )}
          {preview.total > 0 && <DuoImportTable result={preview} />}
          <NotInFile result={preview} />
          <div className="form-actions">
            {toWrite > 0 && preview.invalid === 0 && (
              <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => void flow.write(false)}>
                {run.isPending ? t('duo.applying') : t('duo.apply')}
              </button>
            )}
            {toWrite > 0 && preview.invalid > 0 && (
              <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => void flow.write(true)}>
                {run.isPending ? t('duo.applying') : t('duo.applyValid', { count: preview.invalid })}
              </button>
            )}
            <button type="button" className="button" onClick={startOver}>
              {t('duo.startOver')}
            </button>
          </div>
        </div>
      )}

      {written && (
        <div className="import-result">
          <div ref={doneRef} tabIndex={-1} className="alert alert-success" role="status">
            <h3>{t('duo.doneTitle')}</h3>
            <p>{t('duo.done', { created: written.created, updated: written.updated })}</p>
          </div>
          <DuoImportTable result={written} />
          <div className="form-actions">
            <button type="button" className="button" onClick={startOver}>
              {t('duo.startOver')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
