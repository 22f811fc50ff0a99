import { useId } from 'react';
import { Link } from 'react-router';
import { BoardFilter } from '../../components/BoardFilter';
import { Flash } from '../../components/Flash';
import { ListResults } from '../../components/ListResults';
import { SearchForm } from '../../components/SearchForm';
import { SortHeader } from '../../components/SortHeader';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { toNumber, useListParams } from '../../lib/useListParams';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRegistry } from '../../lib/auth/permissions';
import { ExportLinks } from '../../components/ExportLinks';
import { useT } from '../../lib/i18n';
import { useScopeBoards } from '../../lib/scope';
import { PERSON_KINDS } from '../../api/registryTypes';
import { usePeople } from './api';
import { COMMON_LANGUAGES, languageName } from './languages';

const FILTERS = ['boardId', 'kind', 'language'] as const;

export function PeopleListPage() {
  const { t, i18n } = useT();
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, 'name');
  useDocumentTitle(t('people.title'));
  const boardId = toNumber(params.filters.boardId);
  const kind = PERSON_KINDS.find((k) => k === params.filters.kind);
  const language = params.filters.language && /^[a-z]{2,3}$/.test(params.filters.language) ? params.filters.language : undefined;
  const { boards } = useScopeBoards();
  const query = usePeople({ page: params.page, pageSize: params.pageSize, sort: params.sort, q: params.q, boardId, kind, language });
  const filtersActive = FILTERS.filter((f) => params.filters[f]);
  const lang = i18n.language;
  const languageOptions = [...new Set([...COMMON_LANGUAGES, ...(language ? [language] : [])])]
    .map((code) => ({ code, name: languageName(code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));

  return (
    <>
      <div className="page-header">
        <h1>{t('people.title')}</h1>
        {canEditRegistry(access) && (
          <Link to={boardId ? `/people/new?boardId=${boardId}` : '/people/new'} className="button button-primary">
            {t('people.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('people.intro')}</p>
      <Flash />
      <SearchForm
        q={params.q}
        label={t('people.searchLabel')}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[params.q, boardId, kind, language, boards.length].join('|')}
        onSearch={(values) => update({ q: values.q, boardId: values.boardId, kind: values.kind, language: values.language })}
      >
        <BoardFilter boards={boards} value={boardId} label={t('registry.board')} onlyForChoice />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('people.kind')}</label>
          <select id={`${id}-kind`} name="kind" defaultValue={kind ?? ''}>
            <option value="">{t('common.all')}</option>
            {PERSON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`people.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('people.language')}</label>
          <select id={`${id}-language`} name="language" defaultValue={language ?? ''}>
            <option value="">{t('common.all')}</option>
            {languageOptions.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('people.title')} onPage={(page) => update({ page })} toolbar={<ExportLinks kind="people" boardId={boardId ?? (boards.length === 1 ? boards[0]?.id : undefined)} />}>
        {(items) => (
          <table className="stack-on-phone">
            <caption className="visually-hidden">{t('people.title')}</caption>
            <thead>
              <tr>
                <SortHeader field="name" label={t('people.name')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <SortHeader field="kind" label={t('people.kind')} sort={params.sort} onSort={(s) => update({ sort: s })} />
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('people.languages')}</th>
                <th scope="col" className="numeric">
                  {t('people.activeRoles')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((person) => (
                <tr key={person.id}>
                  <td data-label={t('people.name')}>
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                  </td>
                  <td data-label={t('people.kind')}>{t(`people.kinds.${person.kind}`)}</td>
                  <td data-label={t('people.email')} className="break">
                    {person.email ?? t('common.none')}
                  </td>
                  <td data-label={t('people.languages')}>
                    {person.languages.length > 0 ? person.languages.map((c) => languageName(c, lang)).join(', ') : t('common.none')}
                  </td>
                  <td data-label={t('people.activeRoles')} className="numeric">
                    {person.activeRoles ?? 0}
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
