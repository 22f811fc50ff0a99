import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { UserAccount, UserAccountUpdate } from '../../api/types';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useRecordForm } from '../../lib/useRecordForm';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canManageUsers } from '../../lib/auth/permissions';
import { useUpdateUserAccount, useUserAccount } from './api';
import { PASSWORD_MIN_LENGTH, PasswordField } from './PasswordField';

export function UserEditPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const allowed = canManageUsers(access);
  const userId = parseId(useParams().userId);
  const query = useUserAccount(userId, allowed);
  const title = query.data ? t('users.editTitle', { name: query.data.user.name }) : t('users.title');
  useDocumentTitle(title);

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

  const { user: account, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link> / <Link to={`/users/${account.id}`}>{account.name}</Link>
      </p>
      <h1>{title}</h1>
      {/* A new version (after "reload") starts the form afresh. */}
      <UserEditForm key={`${account.id}:${etag ?? ''}:${account.name}:${account.isActive}`} account={account} etag={etag} onReload={() => query.refetch()} />
    </>
  );
}

type EditValues = { name: string; isActive: string; password: string };

interface Props {
  account: UserAccount;
  etag: string | null;
  onReload: () => Promise<unknown>;
}

export function UserEditForm({ account, etag, onReload }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const navigate = useNavigate();
  const id = useId();
  const initial: EditValues = { name: account.name, isActive: String(account.isActive), password: '' };
  const form = useRecordForm<EditValues>({ initial, required: ['name'], onReload });
  const { values, setValue, fieldErrors } = form;
  const update = useUpdateUserAccount(account.id);
  const self = account.id === user.id;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit(
      async () => {
        const body: UserAccountUpdate = {};
        if (values.name.trim() !== account.name) body.name = values.name.trim();
        if (values.isActive !== initial.isActive) body.isActive = values.isActive === 'true';
        if (values.password) body.password = values.password;
        if (Object.keys(body).length === 0) {
          navigate(`/users/${account.id}`);
          return;
        }
        await update.mutateAsync({ body, etag });
        navigate(`/users/${account.id}`, { state: { flash: t('common.saved') } });
      },
      {
        check: () =>
          values.password && values.password.length < PASSWORD_MIN_LENGTH ? { password: t('users.errors.passwordTooShort') } : {},
      },
    );
  }

  const activeHintId = `${id}-active-hint`;
  const activeErrorId = `${id}-active-error`;
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} />

      <FormField label={t('users.name')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" autoComplete="off" value={values.name} onChange={(e) => setValue('name', e.target.value)} />}
      </FormField>

      <div className={fieldErrors.isActive ? 'field checkbox-field field-invalid' : 'field checkbox-field'}>
        <input
          id={`${id}-active`}
          name="isActive"
          type="checkbox"
          checked={values.isActive === 'true'}
          disabled={self && values.isActive === 'true'}
          onChange={(e) => setValue('isActive', String(e.target.checked))}
          aria-invalid={fieldErrors.isActive ? true : undefined}
          aria-describedby={[fieldErrors.isActive ? activeErrorId : null, activeHintId].filter(Boolean).join(' ')}
        />
        <label htmlFor={`${id}-active`}>{t('users.activeLabel')}</label>
        <p className="field-hint" id={activeHintId}>
          {self ? t('users.activeHintSelf') : t('users.activeHint')}
        </p>
        {fieldErrors.isActive && (
          <p className="field-error" id={activeErrorId}>
            <span aria-hidden="true">⚠ </span>
            {fieldErrors.isActive}
          </p>
        )}
      </div>

      <PasswordField
        label={t('users.newPassword')}
        hint={t('users.newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
        error={fieldErrors.password}
        value={values.password}
        onChange={(v) => setValue('password', v)}
      />

      <div className="form-actions">
        <SaveButton form={form} />
        <Link to={`/users/${account.id}`} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
