import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { foldForSearch } from '../../lib/format';
import { useFormState } from '../../lib/forms';
import { useAllBoards } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { adminBoardIds, canSeeSyncRuns } from '../../lib/auth/permissions';
import { useLocalName, useRoleTypes } from '../../lib/scope';
import { useCreateRoleMapping, useDeleteRoleMapping, useRoleMappings } from './api';
import type { RoleMapping } from './types';

type MappingValues = { source: string; sourceName: string; roleType: string };
const EMPTY: MappingValues = { source: '', sourceName: '', roleType: '' };

/** How the board translates the sources' job titles into role types: the defaults and its own. */
export function RoleMappingsPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const id = useId();
  const allowed = canSeeSyncRuns(access);
  const [searchParams, setSearchParams] = useSearchParams();
  const managed = adminBoardIds(access);
  const boards = useAllBoards(allowed);
  const choices = (boards.data ?? []).filter((b) => access.platformAdmin || managed.includes(b.id));
  const asked = Number(searchParams.get('boardId'));
  const boardId = choices.some((b) => b.id === asked) ? asked : choices[0]?.id;
  const mappings = useRoleMappings(allowed ? boardId : undefined);
  const roleTypes = useRoleTypes(boardId);
  const localName = useLocalName();
  const create = useCreateRoleMapping();
  const remove = useDeleteRoleMapping();
  const form = useFormState<MappingValues>(EMPTY);
  const { values, setValue, fieldErrors } = form;
  const [search, setSearch] = useState('');
  const [announcement, setAnnouncement] = useState('');
  useDocumentTitle(t('sync.mappings.title'));

  const roleName = useMemo(() => {
    const byCode = new Map((roleTypes.data ?? []).map((r) => [r.code, r]));
    return (code: string) => localName(byCode.get(code), code);
  }, [roleTypes.data, localName]);

  if (!allowed) {
    return (
      <>
        <h1>{t('sync.mappings.title')}</h1>
        <ProblemAlert error={null} message={t('sync.forbidden')} />
      </>
    );
  }

  const wanted = foldForSearch(search.trim());
  const shown = (mappings.data ?? []).filter(
    (m) => !wanted || foldForSearch(`${m.sourceName} ${roleName(m.roleType)}`).includes(wanted),
  );

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (boardId === undefined) return;
    form.clearErrors();
    setAnnouncement('');
    try {
      const created = await create.mutateAsync({
        boardId,
        source: values.source.trim() || null,
        sourceName: values.sourceName.trim(),
        roleType: values.roleType,
      });
      form.setValues(EMPTY);
      setAnnouncement(t('sync.mappings.added', { name: created.sourceName }));
    } catch (error) {
      form.applyError(error);
    }
  }

  async function onRemove(mapping: RoleMapping) {
    if (mapping.id == null) return;
    setAnnouncement('');
    await remove.mutateAsync(mapping.id);
    setAnnouncement(t('sync.mappings.removed'));
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/synchronisaties">{t('sync.back')}</Link>
      </p>
      <h1>{t('sync.mappings.title')}</h1>
      <p className="lead">{t('sync.mappings.intro')}</p>
      {choices.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-board`}>{t('sync.board')}</label>
          <select
            id={`${id}-board`}
            value={boardId ?? ''}
            onChange={(e) => setSearchParams({ boardId: e.target.value }, { replace: true })}
          >
            {choices.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status" className="visually-hidden-live" data-testid="mapping-status">
        {announcement}
      </p>

      <section aria-labelledby="mapping-add">
        <h2 id="mapping-add">{t('sync.mappings.add')}</h2>
        <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <FormErrorSummary error={form.formError} hasFieldErrors={hasFieldErrors} />
          <div className="field-row">
            <FormField label={t('sync.mappings.sourceName')} hint={t('sync.mappings.sourceNameHint')} error={fieldErrors.sourceName} required>
              {(a) => (
                <input {...a} name="sourceName" maxLength={120} autoComplete="off" value={values.sourceName} onChange={(e) => setValue('sourceName', e.target.value)} />
              )}
            </FormField>
            <FormField label={t('sync.mappings.role')} error={fieldErrors.roleType} required>
              {(a) => (
                <select {...a} name="roleType" value={values.roleType} onChange={(e) => setValue('roleType', e.target.value)}>
                  <option value="">{t('sync.mappings.chooseRole')}</option>
                  {(roleTypes.data ?? []).map((r) => (
                    <option key={r.code} value={r.code}>
                      {localName(r)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('sync.mappings.forSource')} hint={t('sync.mappings.forSourceHint')} error={fieldErrors.source}>
              {(a) => (
                <input {...a} name="source" maxLength={40} autoComplete="off" className="input-short" value={values.source} onChange={(e) => setValue('source', e.target.value)} />
              )}
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending || boardId === undefined}>
              {t('sync.mappings.add')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="mapping-list">
        <h2 id="mapping-list">{t('sync.mappings.caption')}</h2>
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('sync.mappings.filter')}</label>
          <input id={`${id}-search`} type="search" value={search} maxLength={120} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <ProblemAlert error={remove.error} focus />
        {mappings.isPending && <Loading />}
        {mappings.isError && <ProblemAlert error={mappings.error} onRetry={() => void mappings.refetch()} />}
        {mappings.data && (
          <div className="table-wrap" role="region" aria-label={t('sync.mappings.caption')} tabIndex={0}>
            <table data-testid="role-mappings">
              <caption className="visually-hidden">{t('sync.mappings.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sync.mappings.sourceName')}</th>
                  <th scope="col">{t('sync.mappings.role')}</th>
                  <th scope="col">{t('sync.mappings.forSource')}</th>
                  <th scope="col">{t('sync.mappings.origin')}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={`${m.id ?? 'default'}-${m.source ?? ''}-${m.sourceName}`} data-built-in={m.builtIn}>
                    <td data-label={t('sync.mappings.sourceName')}>{m.sourceName}</td>
                    <td data-label={t('sync.mappings.role')}>{roleName(m.roleType)}</td>
                    <td data-label={t('sync.mappings.forSource')}>{m.source ?? t('sync.mappings.everySource')}</td>
                    <td data-label={t('sync.mappings.origin')}>{m.builtIn ? t('sync.mappings.builtIn') : t('sync.mappings.own')}</td>
                    <td>
                      {!m.builtIn && m.id != null && (
                        <ConfirmAction
                          label={t('sync.mappings.remove')}
                          accessibleLabel={`${t('sync.mappings.remove')}: ${m.sourceName}`}
                          message={t('sync.mappings.confirmRemove', { name: m.sourceName, role: roleName(m.roleType) })}
                          confirmLabel={t('sync.mappings.remove')}
                          onConfirm={() => onRemove(m)}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
