import { useRef, useState } from 'react';
import { isProblemError } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditCatalogue } from '../../lib/auth/permissions';
import { LiveMessage } from '../../components/LiveMessage';
import { registryProblemText } from '../../components/ProblemMessage';
import { useT, type RT } from '../../lib/i18n';
import { useLocalName, useRoleTypes, type ScopeBoard } from '../../lib/scope';
import { SCOPE_LEVELS, type RoleType } from '../../api/registryTypes';
import { CatalogueEntryForm, type EntryForm, type EntryValues } from './CatalogueEntryForm';
import { CatalogueTable, CatalogueView, useCatalogueBoards, type Column } from './CatalogueView';
import { useCreateRoleType, useDeleteRoleType } from './api';

/** The role catalogue: built-in role types and the board's own, which board administrators add and remove. */
export function RoleTypesPage() {
  const { t } = useT();
  const access = useAccess();
  const roleTypes = useRoleTypes();
  const { boards, editable, boardName } = useCatalogueBoards();
  const localName = useLocalName();
  const remove = useDeleteRoleType();
  const [message, setMessage] = useState<string | null>(null);
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const columns = useRoleColumns();

  async function onDelete(roleType: RoleType) {
    setMessage(null);
    await remove.mutateAsync(roleType.id);
    setMessage(t('catalogue.roles.deleted', { name: localName(roleType) }));
    ownHeading.current?.focus();
  }

  const deletable = (r: RoleType) => r.boardId != null && canEditCatalogue(access, r.boardId);

  return (
    <CatalogueView
      title={t('catalogue.roles.title')}
      intro={t('catalogue.roles.intro')}
      query={roleTypes}
      nameLabel={t('catalogue.roles.role')}
      columns={columns}
      builtInTitle={t('catalogue.roles.builtIn')}
      builtInCaption={t('catalogue.roles.builtInCaption')}
    >
      {(own) => (
        <section aria-labelledby="own-roles">
          <h2 id="own-roles" ref={ownHeading} tabIndex={-1}>
            {t('catalogue.roles.own')}
          </h2>
          <LiveMessage message={message} />
          {remove.error ? <ProblemAlert error={remove.error} message={deleteProblemText(remove.error, t)} focus /> : null}
          {own.length === 0 ? (
            <p>{t('catalogue.roles.noOwn')}</p>
          ) : (
            <CatalogueTable
              caption={t('catalogue.roles.own')}
              nameLabel={t('catalogue.roles.role')}
              items={own}
              columns={columns}
              boardName={boards.length > 1 ? boardName : undefined}
              action={
                own.some(deletable)
                  ? (r) =>
                      deletable(r) ? (
                        <ConfirmAction
                          label={t('common.delete')}
                          accessibleLabel={t('catalogue.roles.deleteLabel', { name: localName(r) })}
                          message={t('catalogue.roles.confirmDelete', { name: localName(r) })}
                          confirmLabel={t('catalogue.confirmDeleteButton')}
                          onConfirm={() => onDelete(r)}
                        />
                      ) : null
                  : undefined
              }
            />
          )}
          {editable.length > 0 ? <RoleTypeForm boards={editable} /> : <p className="muted">{t('catalogue.onlyBoardAdmins')}</p>}
        </section>
      )}
    </CatalogueView>
  );
}

/** "Still in use" means: people hold or held the role. */
function deleteProblemText(error: unknown, t: RT): string | undefined {
  if (isProblemError(error) && error.status === 409 && error.type.endsWith(':in-use')) return t('catalogue.roles.inUse');
  return registryProblemText(error, t);
}

function useRoleColumns(): Column<RoleType>[] {
  const { t } = useT();
  return [
    { key: 'scopeLevel', label: t('catalogue.roles.scopeLevel'), cell: (r) => t(`catalogue.roles.scopeLevels.${r.scopeLevel}`) },
    { key: 'required', label: t('catalogue.roles.required'), cell: (r) => <Requirement roleType={r} /> },
    { key: 'needsHours', label: t('catalogue.roles.needsHours'), cell: (r) => (r.needsHours ? t('common.yes') : t('common.no')) },
    { key: 'source', label: t('catalogue.roles.source'), cell: (r) => r.source || t('common.none') },
  ];
}

function Requirement({ roleType }: { roleType: RoleType }) {
  const { t } = useT();
  if (roleType.requiredBy === 'law') {
    return (
      <span className="badge badge-law">
        <span aria-hidden="true">§ </span>
        {t('roleMatrix.requiredBy.law')}
      </span>
    );
  }
  if (roleType.requiredBy === 'guideline') return <span className="badge badge-guideline">{t('roleMatrix.requiredBy.guideline')}</span>;
  if (roleType.requiredPerSchool && roleType.boardId != null) return <span className="badge">{t('catalogue.roles.requiredByBoard')}</span>;
  return <span className="muted">{t('roleMatrix.requiredBy.none')}</span>;
}

interface RoleValues extends EntryValues {
  scopeLevel: string;
  needsHours: string;
  requiredPerSchool: string;
}

const BLANK: RoleValues = { boardId: '', nameNl: '', nameEn: '', code: '', scopeLevel: 'school', needsHours: '', requiredPerSchool: '' };

function RoleTypeForm({ boards }: { boards: ScopeBoard[] }) {
  const { t } = useT();
  const create = useCreateRoleType();
  const check = (form: EntryForm<RoleValues>, name: 'needsHours' | 'requiredPerSchool', hint: string) => (
    <div className="checkbox-field">
      <input
        id={`role-type-${name}`}
        type="checkbox"
        name={name}
        checked={form.values[name] === 'true'}
        onChange={(e) => form.setValue(name, e.target.checked ? 'true' : '')}
        aria-describedby={`role-type-${name}-hint`}
      />
      <label htmlFor={`role-type-${name}`}>{t(`catalogue.roles.${name}Label`)}</label>
      <p className="field-hint" id={`role-type-${name}-hint`}>
        {hint}
      </p>
    </div>
  );
  return (
    <CatalogueEntryForm<RoleValues>
      titleId="add-role-type"
      title={t('catalogue.roles.add')}
      submitLabel={t('catalogue.roles.addSubmit')}
      boards={boards}
      blank={BLANK}
      addedMessage={(name) => t('catalogue.roles.added', { name })}
      save={(base, values) =>
        create.mutateAsync({
          ...base,
          scopeLevel: SCOPE_LEVELS.find((s) => s === values.scopeLevel) ?? 'school',
          needsHours: values.needsHours === 'true',
          isContactPoint: true,
          requiredPerSchool: values.scopeLevel === 'school' && values.requiredPerSchool === 'true',
        })
      }
    >
      {(form) => (
        <>
          <FormField label={t('catalogue.roles.scopeLevel')} error={form.fieldErrors.scopeLevel} hint={t('catalogue.roles.scopeLevelHint')} required>
            {(a) => (
              <select {...a} name="scopeLevel" value={form.values.scopeLevel} onChange={(e) => form.setValue('scopeLevel', e.target.value)}>
                {SCOPE_LEVELS.map((s) => (
                  <option key={s} value={s}>
                    {t(`catalogue.roles.scopeLevels.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <fieldset className="checkbox-group">
            <legend>{t('catalogue.roles.options')}</legend>
            {check(form, 'needsHours', t('catalogue.roles.needsHoursHint'))}
            {form.values.scopeLevel === 'school' && check(form, 'requiredPerSchool', t('catalogue.roles.requiredPerSchoolHint'))}
          </fieldset>
        </>
      )}
    </CatalogueEntryForm>
  );
}
