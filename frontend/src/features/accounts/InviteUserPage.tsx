import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { renameInvalidParams, useFormState } from '../../lib/forms';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canManageUsers } from '../../lib/auth/permissions';
import { MembershipFields, membershipIssueText } from '../users/MembershipFields';
import { checkMembership, isRole, membershipBody, membershipField } from '../users/roleScope';
import { useScopeLists } from '../users/useScopeLists';
import { useInviteUser, type InvitationCreate } from './api';

type Values = { email: string; name: string; language: string; role: string; scope: string };
const EMPTY: Values = { email: '', name: '', language: 'nl', role: '', scope: '' };

/** Invite a colleague by e-mail: they choose their own password from the link in the mail. */
export function InviteUserPage() {
  const { t } = useTranslation();
  const access = useAccess();
  useDocumentTitle(t('accounts.invite.title'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </p>
      <h1>{t('accounts.invite.title')}</h1>
      <p className="lead">{t('accounts.invite.intro')}</p>
      {canManageUsers(access) ? <InviteForm /> : <ProblemAlert error={null} message={t('errors.forbidden')} />}
    </>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const form = useFormState<Values>(EMPTY);
  const { values, setValue, setValues, fieldErrors } = form;
  const scopes = useScopeLists(access);
  const invite = useInviteUser();
  const roleRequired = !access.platformAdmin;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    const errors: Partial<Values> = {};
    if (!values.email.trim()) errors.email = t('common.fieldRequired');
    if (!values.name.trim()) errors.name = t('common.fieldRequired');
    if (roleRequired || values.role || values.scope) {
      const issues = checkMembership(access.roleLevels, values.role, values.scope);
      if (issues.role) errors.role = membershipIssueText(issues.role, values.role, t);
      if (issues.scope) errors.scope = membershipIssueText(issues.scope, values.role, t);
    }
    if (Object.keys(errors).length > 0) {
      form.setFieldErrors(errors);
      return;
    }
    const body: InvitationCreate = {
      email: values.email.trim(),
      name: values.name.trim(),
      language: values.language === 'en' ? 'en' : 'nl',
      memberships: isRole(values.role) ? [membershipBody(values.role, values.scope)] : [],
    };
    try {
      const created = await invite.mutateAsync(body);
      navigate(`/users/${created.id}`, { state: { flash: t('accounts.invite.sent', { email: created.email }) } });
    } catch (error) {
      form.applyError(renameInvalidParams(error, membershipField));
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormErrorSummary error={form.formError} hasFieldErrors={hasFieldErrors} />
      <FormField label={t('users.email')} hint={t('accounts.invite.emailHint')} error={fieldErrors.email} required>
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
      <FormField label={t('accounts.invite.language')} error={fieldErrors.language}>
        {(a) => (
          <select {...a} name="language" value={values.language} onChange={(e) => setValue('language', e.target.value)}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        )}
      </FormField>
      <fieldset>
        <legend>{t('users.firstRole')}</legend>
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
        <button type="submit" className="button button-primary" disabled={invite.isPending}>
          {t('accounts.invite.submit')}
        </button>
        <Link to="/users" className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
