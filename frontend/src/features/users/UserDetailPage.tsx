import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UserAccount } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Flash } from '../../components/Flash';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDateTime } from '../../lib/format';
import { renameInvalidParams, useFormState } from '../../lib/forms';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import type { Access } from '../../lib/auth/access';
import { adminBoardIds, canManageUsers, canSeeAudit } from '../../lib/auth/permissions';
import { useAddMembership, useRemoveMembership, useUserAccount } from './api';
import { MembershipFields, membershipIssueText } from './MembershipFields';
import { canManageMembership, checkMembership, isRole, membershipBody, membershipField, type ScopeLists } from './roleScope';
import { StatusBadge } from './StatusBadge';
import { InvitationActions } from '../accounts/InvitationActions';
import { useScopeLists } from './useScopeLists';

export function UserDetailPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const access = useAccess();
  const allowed = canManageUsers(access);
  const userId = parseId(useParams().userId);
  const query = useUserAccount(userId, allowed);
  const scopes = useScopeLists(access, allowed);
  const remove = useRemoveMembership(userId);
  const [status, setStatus] = useState<string | null>(null);
  const rolesHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(query.data?.user.name ?? t('users.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('users.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(userId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const account = query.data.user;
  const memberships = account.memberships ?? [];
  const none = t('common.none');

  async function onRemove(membershipId: number) {
    setStatus(null);
    await remove.mutateAsync(membershipId);
    setStatus(t('users.membershipRemoved'));
    rolesHeading.current?.focus();
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{account.name}</h1>
        <div className="actions">
          <Link to={`/users/${account.id}/edit`} className="button button-primary">
            {t('common.edit')}
          </Link>
        </div>
      </div>
      <Flash />

      <section aria-labelledby="user-details">
        <h2 id="user-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('users.email')}</dt>
          <dd>
            <a href={`mailto:${account.email}`}>{account.email}</a>
          </dd>
          <dt>{t('users.status')}</dt>
          <dd>
            <StatusBadge active={account.isActive} />
          </dd>
          {account.isPlatformAdmin && (
            <>
              <dt>{t('roles.platformAdmin')}</dt>
              <dd>{t('common.yes')}</dd>
            </>
          )}
          <dt>{t('users.lastLogin')}</dt>
          <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt, i18n.language) : t('users.neverLoggedIn')}</dd>
        </dl>
      </section>

      <InvitationActions account={account} />

      <section aria-labelledby="user-roles">
        <h2 id="user-roles" tabIndex={-1} ref={rolesHeading}>
          {t('users.roles')}
        </h2>
        {status && (
          <div className="alert alert-success" role="status">
            {status}
          </div>
        )}
        <ProblemAlert error={remove.error} focus />
        {memberships.length === 0 ? (
          <p>{t('users.noRoles')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="user-roles" tabIndex={0}>
            <table className="table-stack" role="table">
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('users.role')}</th>
                  <th scope="col" role="columnheader">{t('users.level')}</th>
                  <th scope="col" role="columnheader">{t('users.scope')}</th>
                  <th scope="col" role="columnheader">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {memberships.map((m) => {
                  const role = t(`roles.${m.role}`);
                  const scopeName = m.scopeName ?? none;
                  // Removing one's own role at a board one manages may take this screen away.
                  const own = account.id === user.id && m.scopeType === 'board' && m.boardId != null && adminBoardIds(access).includes(m.boardId);
                  return (
                    <tr role="row" key={m.id}>
                      <td role="cell" data-label={t('users.role')}>{role}</td>
                      <td role="cell" data-label={t('users.level')}>{t(`scopeTypes.${m.scopeType}`)}</td>
                      <td role="cell" data-label={t('users.scope')}>{scopeName}</td>
                      <td role="cell" className="cell-actions">
                        {canManageMembership(access, m, scopes.schoolBoards) && (
                          <ConfirmAction
                            label={t('common.delete')}
                            accessibleLabel={t('users.removeMembershipLabel', { role, scope: scopeName })}
                            message={t(own ? 'users.confirmRemoveOwn' : 'users.confirmRemove', { role, scope: scopeName, name: account.name })}
                            confirmLabel={t('users.confirmRemoveButton')}
                            onConfirm={() => onRemove(m.id)}
                          />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="user-add-role">
        <h2 id="user-add-role">{t('users.addMembership')}</h2>
        <AddMembershipForm
          account={account}
          access={access}
          lists={scopes.lists}
          loading={scopes.isPending}
          onAdded={() => setStatus(t('users.membershipAdded'))}
          onStart={() => setStatus(null)}
        />
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=user&entityId=${account.id}`}>{t('users.auditTrail')}</Link>
          </p>
        )}
      </section>
    </>
  );
}

type MembershipFormValues = { role: string; scope: string };
const EMPTY_MEMBERSHIP: MembershipFormValues = { role: '', scope: '' };

interface AddProps {
  account: UserAccount;
  access: Access;
  lists: ScopeLists;
  loading: boolean;
  onAdded: () => void;
  onStart: () => void;
}

function AddMembershipForm({ account, access, lists, loading, onAdded, onStart }: AddProps) {
  const { t } = useTranslation();
  const form = useFormState<MembershipFormValues>(EMPTY_MEMBERSHIP);
  const { values, setValues, fieldErrors } = form;
  const add = useAddMembership(account.id);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    onStart();
    const issues = checkMembership(access.roleLevels, values.role, values.scope);
    if (issues.role || issues.scope) {
      form.setFieldErrors({
        ...(issues.role ? { role: membershipIssueText(issues.role, values.role, t) } : {}),
        ...(issues.scope ? { scope: membershipIssueText(issues.scope, values.role, t) } : {}),
      });
      return;
    }
    if (!isRole(values.role)) return;
    try {
      await add.mutateAsync(membershipBody(values.role, values.scope));
      setValues(EMPTY_MEMBERSHIP);
      onAdded();
    } catch (error) {
      form.applyError(renameInvalidParams(error, membershipField));
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="user-add-role">
      {hasFieldErrors && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <FormErrorSummary error={form.formError} hasFieldErrors={hasFieldErrors} />
      <MembershipFields
        access={access}
        values={values}
        onChange={(m) => setValues(m)}
        errors={{ role: fieldErrors.role, scope: fieldErrors.scope }}
        lists={lists}
        loading={loading}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={add.isPending}>
          {add.isPending ? t('common.saving') : t('users.addMembershipSubmit')}
        </button>
      </div>
    </form>
  );
}
