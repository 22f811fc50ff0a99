import { useId } from 'react';
import { Link } from 'react-router';
import { BoardFilter } from '../../components/BoardFilter';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useAllMunicipalities } from '../../lib/reference';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { useT } from '../../lib/i18n';
import { useCategories, useCategoryName, useLocalName, useScopeBoards } from '../../lib/scope';
import { usePartners } from './api';

const FILTERS = ['boardId', 'category', 'municipalityId'] as const;

export function PartnersListPage() {
  const { t } = useT();
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, 'name');
  useDocumentTitle(t('partners.title'));
  const boardId = toNumber(params.filters.boardId);
  const category = params.filters.category;
  const municipalityId = toNumber(params.filters.municipalityId);
  const { boards } = useScopeBoards();
  const categories = useCategories(boardId);
  const municipalities = useAllMunicipalities();
  const localName = useLocalName();
  const categoryName = useCategoryName(boardId);
  const query = usePartners({
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    q: params.q,
    boardId,
    category,
    municipalityId,
  });
  const filtersActive = FILTERS.filter((f) => params.filters[f]);
  const exportBoard = boardId ?? (boards.length === 1 ? boards[0]?.id : undefined);

  return (
    <>
      <div className="page-header">
        <h1>{t('partners.title')}</h1>
        {canEditRegistry(access) && (
          <Link to={boardId ? `/partners/new?boardId=${boardId}` : '/partners/new'} className="button button-primary">
            {t('partners.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('partners.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        label={t('partners.searchLabel')}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[params.q, boardId, category, municipalityId, boards.length, categories.data?.length, municipalities.data?.length].join('|')}
        onSearch={(values) =>
          update({ q: values.q, boardId: values.boardId, category: values.category, municipalityId: values.municipalityId })
        }
      >
        <BoardFilter boards={boards} value={boardId} label={t('registry.board')} onlyForChoice />
        <div className="field">
          <label htmlFor={`${id}-category`}>{t('partners.category')}</label>
          <select id={`${id}-category`} name="category" defaultValue={category ?? ''}>
            <option value="">{t('common.all')}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.code}>
                {localName(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-municipality`}>{t('partners.municipality')}</label>
          <select id={`${id}-municipality`} name="municipalityId" defaultValue={municipalityId ? String(municipalityId) : ''}>
            <option value="">{t('common.all')}</option>
            {(municipalities.data ?? []).map((m) => (
              <option key={m.id} value={String(m.id)}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('partners.title')} onPage={(page) => update({ page })} toolbar={<ExportLinks kind="partners" boardId={exportBoard} />}>
        {(items) => (
          <table className="stack-on-phone">
            <caption className="visually-hidden">{t('partners.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="name" label={t('partners.name')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <SortHeader field="category" label={t('partners.category')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{t('partners.municipality')}</th>
                <th scope="col">{t('partners.kvkNumber')}</th>
                <th scope="col" className="numeric">
                  {t('partners.partnershipCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((partner) => (
                <tr key={partner.id}>
                  <td data-label={t('partners.name')}>
                    <Link to={`/partners/${partner.id}`}>{partner.name}</Link>
                  </td>
                  <td data-label={t('partners.category')}>{categoryName(partner.categoryCode, partner.categoryName)}</td>
                  <td data-label={t('partners.municipality')}>{partner.municipalityName ?? t('common.none')}</td>
                  <td data-label={t('partners.kvkNumber')}>{partner.kvkNumber ?? t('common.none')}</td>
                  <td data-label={t('partners.partnershipCount')} className="numeric">
                    {partner.partnershipCount ?? 0}
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
