import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoard } from '../../lib/auth/permissions';
import { useBoard } from './api';
import { BoardForm } from './BoardForm';

export function BoardEditPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const boardId = parseId(useParams().boardId);
  const query = useBoard(boardId);
  const title = query.data ? t('boards.editTitle', { name: query.data.board.name }) : t('boards.title');
  useDocumentTitle(title);

  if (!Number.isFinite(boardId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { board, etag } = query.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/boards">{t('boards.title')}</Link> / <Link to={`/boards/${board.id}`}>{board.name}</Link>
      </p>
      <h1>{title}</h1>
      {canEditBoard(access, board.id) ? (
        // A new version (after "reload") starts the form afresh.
        <BoardForm key={`${board.id}:${etag ?? board.updatedAt}`} board={board} etag={etag} onReload={() => query.refetch()} />
      ) : (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      )}
    </>
  );
}
