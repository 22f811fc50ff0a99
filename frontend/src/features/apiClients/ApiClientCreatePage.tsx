import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiClientCreate, ApiClientCreated, ApiScope } from '../../api/types';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { idOrNull, renameInvalidParams, useFormState } from '../../lib/forms';
import { useAllBoards, useCurrentMunicipalities, useRegionsOfEveryKind } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { adminBoardIds, canManageApiClients } from '../../lib/auth/permissions';
import { useCreateApiClient } from './api';
import { ApiKeyPanel } from './ApiKeyPanel';
import { SCOPE_KEYS, isWriteScope, scopesForBinding } from './scopes';

export function ApiClientCreatePage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  // The new client with its key: kept in this page's state only, gone when the page is left.
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  useDocumentTitle(t('apiClients.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/api-clients">{t('apiClients.title')}</Link>
      </p>
      <h1>{t('apiClients.createTitle')}</h1>
      {!canManageApiClients(access) ? (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      ) : created ? (
        <ApiKeyPanel
          name={created.name}
          apiKey={created.key}
          onDone={() => {
            setCreated(null);
            navigate('/api-clients', { state: { flash: t('apiClients.created', { name: created.name }) } });
          }}
        />
      ) : (
        <ApiClientForm onCreated={setCreated} />
      )}
    </>
  );
}

type Binding = 'board' | 'region' | 'municipality';
type ClientValues = {
  name: string;
  binding: string;
  boardId: string;
  regionId: string;
  municipalityId: string;
  scopes: string;
};

export function ApiClientForm({ onCreated }: { onCreated: (client: ApiClientCreated) => void }) {
  const { t } = useTranslation();
  const access = useAccess();
  const id = useId();
  const managed = adminBoardIds(access);
  const boards = useAllBoards();
  const regions = useRegionsOfEveryKind(access.platformAdmin);
  const municipalities = useCurrentMunicipalities(access.platformAdmin);
  const allowedBoards = (boards.data ?? []).filter((b) => access.platformAdmin || managed.includes(b.id));
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const form = useFormState<ClientValues>({
    name: '',
    binding: 'board',
    // One board to choose from: choose it.
    boardId: !access.platformAdmin && managed.length === 1 ? String(managed[0]) : '',
    regionId: '',
    municipalityId: '',
    scopes: '',
  });
  const { values, setValue, fieldErrors } = form;
  const binding: Binding =
    values.binding === 'region' ? 'region' : values.binding === 'municipality' ? 'municipality' : 'board';
  const offered = scopesForBinding(binding);
  const create = useCreateApiClient();

  function toggleScope(scope: ApiScope, checked: boolean) {
    setScopes((prev) => (checked ? [...prev, scope] : prev.filter((s) => s !== scope)));
  }

  function changeBinding(next: Binding) {
    setValue('binding', next);
    // A client bound to a region or municipality only reads: drop the write scopes.
    if (next !== 'board') setScopes((prev) => prev.filter((s) => !isWriteScope(s)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    const errors: Partial<ClientValues> = {};
    if (!values.name.trim()) errors.name = t('common.fieldRequired');
    const chosen = scopes.filter((s) => offered.includes(s));
    if (chosen.length === 0) errors.scopes = t('apiClients.errors.scopesRequired');
    const boardId = idOrNull(values.boardId);
    const regionId = idOrNull(values.regionId);
    const municipalityId = idOrNull(values.municipalityId);
    if (binding === 'board' && !boardId) errors.boardId = t('apiClients.errors.boardRequired');
    if (binding === 'region' && !regionId) errors.regionId = t('apiClients.errors.regionRequired');
    if (binding === 'municipality' && !municipalityId) errors.municipalityId = t('apiClients.errors.municipalityRequired');
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    // Keep the order of the list, whatever order they were ticked in.
    const body: ApiClientCreate = {
      name: values.name.trim(),
      scopes: offered.filter((s) => chosen.includes(s)),
      ...(binding === 'board' ? { boardId } : binding === 'region' ? { regionId } : { municipalityId }),
    };
    try {
      onCreated(await create.mutateAsync(body));
    } catch (error) {
      form.applyError(renameInvalidParams(error, (name) => (name.startsWith('scopes') ? 'scopes' : null)));
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const scopesErrorId = `${id}-scopes-error`;
  const scopesHintId = `${id}-scopes-hint`;
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <FormErrorSummary error={form.formError} hasFieldErrors={hasFieldErrors} />
      <p className="lead">{t('apiClients.createIntro')}</p>

      <FormField label={t('apiClients.name')} hint={t('apiClients.nameHint')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" autoComplete="off" value={values.name} onChange={(e) => setValue('name', e.target.value)} />}
      </FormField>

      {access.platformAdmin && (
        <fieldset>
          <legend>{t('apiClients.binding')}</legend>
          <p className="field-hint">{t('apiClients.bindingHint')}</p>
          {(['board', 'region', 'municipality'] as const).map((b) => (
            <div className="checkbox-field" key={b}>
              <input
                id={`${id}-binding-${b}`}
                type="radio"
                name="binding"
                value={b}
                checked={binding === b}
                onChange={() => changeBinding(b)}
              />
              <label htmlFor={`${id}-binding-${b}`}>{t(`apiClients.bindings.${b}`)}</label>
            </div>
          ))}
        </fieldset>
      )}

      {binding === 'board' ? (
        <FormField label={t('apiClients.board')} error={fieldErrors.boardId} required>
          {(a) => (
            <select {...a} name="boardId" value={values.boardId} onChange={(e) => setValue('boardId', e.target.value)}>
              <option value="">{boards.isPending ? t('app.loading') : t('schools.chooseBoard')}</option>
              {allowedBoards.map((b) => (
                <option key={b.id} value={String(b.id)}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : binding === 'region' ? (
        <FormField label={t('apiClients.region')} error={fieldErrors.regionId} required>
          {(a) => (
            <select {...a} name="regionId" value={values.regionId} onChange={(e) => setValue('regionId', e.target.value)}>
              <option value="">{regions.isPending ? t('app.loading') : t('apiClients.chooseRegion')}</option>
              {(regions.data ?? []).map((r) => (
                <option key={r.id} value={String(r.id)}>
                  {r.name} ({r.code})
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : (
        <FormField label={t('apiClients.municipality')} error={fieldErrors.municipalityId} required>
          {(a) => (
            <select
              {...a}
              name="municipalityId"
              value={values.municipalityId}
              onChange={(e) => setValue('municipalityId', e.target.value)}
            >
              <option value="">{municipalities.isPending ? t('app.loading') : t('apiClients.chooseMunicipality')}</option>
              {(municipalities.data ?? []).map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.name} ({m.code})
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}

      <fieldset
        className={fieldErrors.scopes ? 'field-invalid' : undefined}
        aria-describedby={[fieldErrors.scopes ? scopesErrorId : null, scopesHintId].filter(Boolean).join(' ')}
      >
        <legend>
          {t('apiClients.scopes')}
          <span className="required-mark"> ({t('common.required')})</span>
        </legend>
        <p className="field-hint" id={scopesHintId}>
          {binding !== 'board' ? t('apiClients.scopesHintRegion') : t('apiClients.scopesHint')}
        </p>
        {fieldErrors.scopes && (
          <p className="field-error" id={scopesErrorId}>
            <span aria-hidden="true">⚠ </span>
            {fieldErrors.scopes}
          </p>
        )}
        {offered.map((scope) => {
          const key = SCOPE_KEYS[scope];
          return (
            <div className="checkbox-field" key={scope}>
              <input
                id={`${id}-scope-${key}`}
                type="checkbox"
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(e) => toggleScope(scope, e.target.checked)}
                aria-invalid={fieldErrors.scopes ? true : undefined}
                aria-describedby={`${id}-scope-${key}-desc`}
              />
              <label htmlFor={`${id}-scope-${key}`}>
                {t(`apiClients.scopeNames.${key}`)} <code className="muted">{scope}</code>
              </label>
              <p className="field-hint" id={`${id}-scope-${key}-desc`}>
                {t(`apiClients.scopeDescriptions.${key}`)}
              </p>
            </div>
          );
        })}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('apiClients.createSubmit')}
        </button>
        <Link to="/api-clients" className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
