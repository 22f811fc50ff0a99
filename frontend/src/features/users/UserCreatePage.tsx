import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { UserAccountCreate } from '../../api/types';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { renameInvalidParams, useFormState } from '../../lib/forms';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canManageUsers } from '../../lib/auth/permissions';
import { useCreateUserAccount } from './api';
import { MembershipFields, membershipIssueText } from './MembershipFields';
import { PASSWORD_MIN_LENGTH, PasswordField } from './PasswordField';
import { checkMembership, isRole, membershipBody, membershipField } from './roleScope';
import { useScopeLists } from './useScopeLists';

type NewUserValues = {
  email: string;
  name: string;
  password: string;
  role: string;
  scope: string;
};

const EMPTY: NewUserValues = { email: '', name: '', password: '', role: '', scope: '' };

export function UserCreatePage() {
  const { t } = useTranslation();
  const access = useAccess();
  useDocumentTitle(t('users.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </p>
      <h1>{t('users.createTitle')}</h1>
      {canManageUsers(access) ? <UserCreateForm /> : <ProblemAlert error={null} message={t('errors.forbidden')} />}
    </>
  );
}

export function UserCreateForm() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const form = useFormState<NewUserValues>(EMPTY);
  const { values, setValue, setValues, fieldErrors } = form;
  const scopes = useScopeLists(access);
  const create = useCreateUserAccount();
  // Platform administrators may create an account without a role; board administrators give one.
  const roleRequired = !access.platformAdmin;

  function validate(): Partial<NewUserValues> {
    const errors: Partial<NewUserValues> = {};
    if (!values.email.trim()) errors.email = t('common.fieldRequired');
    if (!values.name.trim()) errors.name = t('common.fieldRequired');
    if (!values.password) errors.password = t('common.fieldRequired');
    else if (values.password.length < PASSWORD_MIN_LENGTH) errors.password = t('users.errors.passwordTooShort');
    if (roleRequired || values.role || values.scope) {
      const issues = checkMembership(access.roleLevels, values.role, values.scope);
      if (issues.role) errors.role = membershipIssueText(issues.role, values.role, t);
      if (issues.scope) errors.scope = membershipIssueText(issues.scope, values.role, t);
    }
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    const errors = validate();
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    const body: UserAccountCreate = {
      email: values.email.trim(),
      name: values.name.trim(),
      password: values.password,
      memberships: isRole(values.role) ? [membershipBody(values.role, values.scope)] : [],
    };
    try {
      const created = await create.mutateAsync(body);
      navigate(`/users/${created.id}`, { state: { flash: t('users.created') } });
    } catch (error) {
      form.applyError(renameInvalidParams(error, membershipField));
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <FormErrorSummary error={form.formError} hasFieldErrors={hasFieldErrors} />

      <FormField label={t('users.email')} hint={t('users.emailHint')} error={fieldErrors.email} required>
        {(a) => (
          <input
            {...a}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={values.email}
            onChange={(e) => setValue('email', e.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('users.name')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" autoComplete="off" value={values.name} onChange={(e) => setValue('name', e.target.value)} />}
      </FormField>
      <PasswordField
        label={t('users.initialPassword')}
        hint={t('users.initialPasswordHint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldErrors.password}
        required
        value={values.password}
        onChange={(v) => setValue('password', v)}
      />
      <fieldset>
        <legend>{t('users.firstRole')}</legend>
        <p className="field-hint">{roleRequired ? t('users.firstRoleHint') : t('users.firstRoleHintPlatform')}</p>
        <MembershipFields
          access={access}
          values={{ role: values.role, scope: values.scope }}
          onChange={(m) => setValues((prev) => ({ ...prev, ...m }))}
          errors={{ role: fieldErrors.role, scope: fieldErrors.scope }}
          lists={scopes.lists}
          loading={scopes.isPending}
          required={roleRequired}
        />
        {scopes.error != null && <ProblemAlert error={scopes.error} />}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('users.createSubmit')}
        </button>
        <Link to="/users" className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
