import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SECTORS, type Sector } from '../../api/types';
import { BoardFilter } from '../../components/BoardFilter';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useAllBoards } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canCreateSchool, canSeeBoards } from '../../lib/auth/permissions';
import { useSchools } from './api';

const FILTERS = ['boardId', 'sector'] as const;

function asSector(value: string | undefined): Sector | undefined {
  return SECTORS.find((s) => s === value);
}

export function SchoolsListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, 'name');
  useDocumentTitle(t('schools.title'));
  const boardId = toNumber(params.filters.boardId);
  const sector = asSector(params.filters.sector);
  const boards = useAllBoards(canSeeBoards(access));
  const query = useSchools({
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    q: params.q,
    boardId,
    sector,
  });
  const filtersActive = FILTERS.filter((f) => params.filters[f]);

  return (
    <>
      <div className="page-header">
        <h1>{t('schools.title')}</h1>
        {canCreateSchool(access) && (
          <Link to={boardId ? `/schools/new?boardId=${boardId}` : '/schools/new'} className="button button-primary">
            {t('schools.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('schools.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[params.q, boardId, sector, boards.data?.length].join('|')}
        onSearch={(values) => update({ q: values.q, boardId: values.boardId, sector: values.sector })}
      >
        <BoardFilter boards={boards.data} value={boardId} label={t('schools.board')} />
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('schools.sector')}</label>
          <select id={`${id}-sector`} name="sector" defaultValue={sector ?? ''}>
            <option value="">{t('common.all')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('schools.title')} onPage={(page) => update({ page })}>
        {(items) => (
          <table>
            <caption className="visually-hidden">{t('schools.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="name" label={t('schools.name')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <SortHeader
                  field="locationCode"
                  label={t('schools.locationCode')}
                  sort={params.sort}
                  onSort={(s) => update({ sort: s })}
                />
                <SortHeader field="sector" label={t('schools.sector')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{t('schools.board')}</th>
                <SortHeader field="city" label={t('schools.city')} sort={params.sort} onSort={(s) => update({ sort: s })} />
              </tr>
            </thead>
            <tbody>
              {items.map((school) => (
                <tr key={school.id}>
                  <td data-label={t('schools.name')}>
                    <Link to={`/schools/${school.id}`}>{school.name}</Link>
                  </td>
                  <td data-label={t('schools.locationCode')}>{school.locationCode}</td>
                  <td data-label={t('schools.sector')}>
                    <abbr title={t(`sectors.${school.sector}`)}>{school.sector}</abbr>
                  </td>
                  <td data-label={t('schools.board')}>{school.boardName ?? t('common.none')}</td>
                  <td data-label={t('schools.city')}>{school.city ?? school.municipalityName ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
