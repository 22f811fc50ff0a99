import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canCreateBoard } from '../../lib/auth/permissions';
import { BoardForm } from './BoardForm';

export function BoardCreatePage() {
  const { t } = useTranslation();
  const access = useAccess();
  useDocumentTitle(t('boards.createTitle'));
  return (
    <>
      <p className="breadcrumb">
        <Link to="/boards">{t('boards.title')}</Link>
      </p>
      <h1>{t('boards.createTitle')}</h1>
      {canCreateBoard(access) ? <BoardForm /> : <ProblemAlert error={null} message={t('errors.forbidden')} />}
    </>
  );
}
