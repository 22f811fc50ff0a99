import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canCreateBoard } from '../../lib/auth/permissions';
import { useBoards } from './api';

export function BoardsListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const { params, update } = useListParams([], 'name');
  useDocumentTitle(t('boards.title'));
  const query = useBoards({ page: params.page, pageSize: params.pageSize, sort: params.sort, q: params.q });

  return (
    <>
      <div className="page-header">
        <h1>{t('boards.title')}</h1>
        {canCreateBoard(access) && (
          <Link to="/boards/new" className="button button-primary">
            {t('boards.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('boards.intro')}</p>
      <Flash />
      <SearchForm q={params.q} onSearch={(values) => update({ q: values.q })} resetKey={params.q ?? ''} />
      <ListResults query={query} label={t('boards.title')} onPage={(page) => update({ page })}>
        {(items) => (
          <table>
            <caption className="visually-hidden">{t('boards.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="name" label={t('boards.name')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <SortHeader field="number" label={t('boards.number')} sort={params.sort} onSort={(sort) => update({ sort })} />
                <th scope="col">{t('boards.municipality')}</th>
                <th scope="col" className="numeric">
                  {t('boards.schoolCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((board) => (
                <tr key={board.id}>
                  <td data-label={t('boards.name')}>
                    <Link to={`/boards/${board.id}`}>{board.name}</Link>
                  </td>
                  <td data-label={t('boards.number')}>{board.number}</td>
                  <td data-label={t('boards.municipality')}>{board.municipalityName ?? t('common.none')}</td>
                  <td data-label={t('boards.schoolCount')} className="numeric">
                    {board.schoolCount ?? t('common.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
