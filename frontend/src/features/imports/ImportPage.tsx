import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoardRegister, canEditRegistry } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { RegistryProblem } from '../../components/ProblemMessage';
import { useT, type RT } from '../../lib/i18n';
import { usePreviewWrite } from '../../lib/usePreviewWrite';
import { useScopeBoards } from '../../lib/scope';
import { IMPORT_KINDS, type ImportResult, type ScreenImportKind } from '../../api/registryTypes';
import { ImportPreview } from './ImportPreview';
import { useImport } from './api';

const COLUMNS: Record<ScreenImportKind, string[]> = {
  partners: ['name', 'category', 'kvkNumber', 'email', 'phone', 'website', 'municipality', 'address', 'notes'],
  people: ['name', 'kind', 'email', 'phone', 'languages', 'notes'],
  'role-assignments': ['person', 'role', 'school', 'partner', 'hoursPerWeek', 'hoursPerYear', 'startsOn', 'endsOn', 'isPrimary', 'notes'],
  // As backend/spil/transfer/service.py: a school's location code, or empty for the board as a whole.
  measurements: ['indicator', 'school', 'period', 'value', 'note'],
};
const REQUIRED: Record<ScreenImportKind, string[]> = {
  partners: ['name', 'category'],
  people: ['name'],
  'role-assignments': ['person', 'role'],
  measurements: ['indicator', 'period', 'value'],
};
/** Where the imported records are listed. */
const LISTS: Record<ScreenImportKind, string> = {
  partners: '/partners',
  people: '/people',
  'role-assignments': '/who/roles',
  measurements: '/indicators',
};

function isImportKind(value: string | null): value is ScreenImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value ?? '');
}

/** The API's objections to a whole file, in the user's language. */
function importProblemText(error: unknown, t: RT): string | undefined {
  if (!isProblemError(error) || error.status !== 400) return undefined;
  const columns = (code: string) =>
    error.invalidParams
      .filter((p) => p.code === code)
      .map((p) => p.name.replace(/^body\./, ''))
      .join(', ');
  if (error.type.endsWith(':missing-columns')) return t('imports.problems.missingColumns', { columns: columns('missing-column') });
  if (error.type.endsWith(':unknown-columns')) return t('imports.problems.unknownColumns', { columns: columns('unknown-column') });
  if (error.type.endsWith(':file-too-large')) return t('imports.problems.tooLarge');
  if (error.type.endsWith(':too-many-rows')) return t('imports.problems.tooManyRows');
  return undefined;
}

/** Import partners, people, role assignments or measurements from CSV: check first (dry run), then write. */
export function ImportPage() {
  const { t } = useT();
  const access = useAccess();
  const id = useId();
  const [params] = useSearchParams();
  const asked = params.get('kind');
  useDocumentTitle(t('imports.title'));
  const { boards } = useScopeBoards();
  const editableBoards = boards.filter((b) => canEditBoardRegister(access, b.id));
  const [kind, setKind] = useState<ScreenImportKind>(isImportKind(asked) ? asked : 'partners');
  const [boardId, setBoardId] = useState('');
  const run = useImport();
  const board = boardId ? Number(boardId) : editableBoards.length === 1 ? editableBoards[0]?.id : undefined;

  const flow = usePreviewWrite<{ name: string; bytes: ArrayBuffer }, ImportResult>({
    send: (file, options) => run.mutateAsync({ kind, boardId: board ?? 0, bytes: file.bytes, ...options }),
    forget: run.reset,
    fileRequired: t('imports.fileRequired'),
    ready: board !== undefined,
  });
  const { file, setFile, fileError, setFileError, preview, written, previewHeading, doneRef, fileInput, reset, check, write, startOver } = flow;

  async function onFile(files: FileList | null) {
    reset();
    setFileError(undefined);
    const chosen = files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    // The bytes as they are: the API detects UTF-8 or Windows-1252 and the separator itself.
    setFile({ name: chosen.name, bytes: await chosen.arrayBuffer() });
  }

  const fileProblem = importProblemText(run.error, t);

  if (!canEditRegistry(access)) {
    return (
      <>
        <h1>{t('imports.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }

  return (
    <>
      <h1>{t('imports.title')}</h1>
      <p className="lead">{t('imports.intro')}</p>

      <form className="form" onSubmit={(e) => void check(e)} noValidate>
        <fieldset>
          <legend>{t('imports.kind')}</legend>
          {IMPORT_KINDS.map((k) => (
            <div className="checkbox-field" key={k}>
              <input
                id={`${id}-kind-${k}`}
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                }}
              />
              <label htmlFor={`${id}-kind-${k}`}>{t(`imports.kinds.${k}`)}</label>
            </div>
          ))}
        </fieldset>
        <details className="columns-help">
          <summary>{t('imports.columnsHelp', { kind: t(`imports.kinds.${kind}`) })}</summary>
          <p>{t('imports.columnsIntro')}</p>
          <ul>
            {COLUMNS[kind].map((c) => (
              <li key={c}>
                <code>{c}</code> {t(`imports.columns.${c}` as 'imports.columns.name')}
                {REQUIRED[kind].includes(c) && <strong> ({t('common.required')})</strong>}
              </li>
            ))}
          </ul>
          <p className="muted">{t(`imports.kindHints.${kind}`)}</p>
        </details>
        {editableBoards.length > 1 && (
          <FormField label={t('registry.board')} required>
            {(a) => (
              <select
                {...a}
                value={boardId}
                onChange={(e) => {
                  setBoardId(e.target.value);
                  reset();
                }}
              >
                <option value="">{t('registry.chooseBoard')}</option>
                {editableBoards.map((b) => (
                  <option key={b.id} value={String(b.id)}>
                    {b.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField label={t('imports.file')} hint={t('imports.fileHint')} error={fileError} required>
          {(a) => (
            <input {...a} ref={fileInput} type="file" name="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void onFile(e.target.files)} />
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={run.isPending || !board}>
            {run.isPending && !written ? t('imports.checking') : t('imports.check')}
          </button>
        </div>
      </form>

      {fileProblem ? <ProblemAlert error={run.error} message={fileProblem} focus /> : <RegistryProblem error={run.error} focus />}

      {preview && (
        <section aria-labelledby="import-preview" className="import-result">
          <h2 id="import-preview" ref={previewHeading} tabIndex={-1}>
            {t('imports.previewTitle', { file: file?.name ?? '' })}
          </h2>
          {preview.invalid > 0 ? (
            <p className="alert alert-warning" role="status">
              {t('imports.hasErrors', { count: preview.invalid })}
            </p>
          ) : (
            <p className="alert alert-success" role="status">
              {t('imports.noErrors')}
            </p>
          )}
          <ImportPreview result={preview} />
          <div className="form-actions">
            {preview.invalid === 0 && preview.valid > 0 && (
              <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => void write(false)}>
                {t('imports.importAll', { count: preview.valid })}
              </button>
            )}
            {preview.invalid > 0 && preview.valid > 0 && (
              <button type="button" className="button button-primary" disabled={run.isPending} onClick={() => void write(true)}>
                {t('imports.importValid', { count: preview.valid })}
              </button>
            )}
            <button type="button" className="button" onClick={startOver}>
              {t('imports.startOver')}
            </button>
          </div>
          {preview.invalid > 0 && <p className="muted">{t('imports.allNeedsFix')}</p>}
        </section>
      )}

      {written && (
        <section aria-labelledby="import-done" className="import-result">
          <div ref={doneRef} tabIndex={-1} className="alert alert-success" role="status">
            <h2 id="import-done">{t('imports.doneTitle')}</h2>
            <p>{t('imports.done', { created: written.created, updated: written.updated })}</p>
          </div>
          <ImportPreview result={written} />
          <p className="actions">
            <Link to={LISTS[written.kind as ScreenImportKind]}>
              {t(`imports.goTo.${written.kind as ScreenImportKind}`)}
            </Link>
            <button type="button" className="button" onClick={startOver}>
              {t('imports.another')}
            </button>
          </p>
        </section>
      )}

      <section aria-labelledby="export-title">
        <h2 id="export-title">{t('imports.exportTitle')}</h2>
        <p>{t('imports.exportIntro')}</p>
        <ul className="export-list">
          {(['partners', 'partnerships', 'people', 'role-assignments', 'measurements'] as const).map((k) => (
            <li key={k}>
              <span className="export-name">{t(`registry.exportKinds.${k}`)}</span>
              <ExportLinks kind={k} boardId={board} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
