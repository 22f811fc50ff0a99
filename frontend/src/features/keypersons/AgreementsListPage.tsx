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
import { formatDate } from '../../lib/format';
import { useScopeBoards, useScopeSchools } from '../../lib/scope';
import { schemeText } from './agreementText';
import { useAgreements } from './api';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { SchoolFilter } from './SchoolFilter';
import { canEditKeyPersons } from './permissions';

const FILTERS = ['boardId', 'schoolId', 'active'] as const;

export function AgreementsListPage() {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const id = useId();
  const { params, update } = useListParams(FILTERS, 'person');
  useDocumentTitle(t('keyPersons.agreements.title'));
  const boardId = toNumber(params.filters.boardId);
  const schoolId = toNumber(params.filters.schoolId);
  const active = params.filters.active === 'true' ? true : params.filters.active === 'false' ? false : undefined;
  const { boards } = useScopeBoards();
  const schools = useScopeSchools();
  const query = useAgreements({ page: params.page, pageSize: params.pageSize, sort: params.sort, boardId, schoolId, active });
  const filtersActive = FILTERS.filter((f) => params.filters[f]);
  const sort = (field: string, label: string) => (
    <SortHeader field={field} label={label} sort={params.sort} onSort={(s) => update({ sort: s })} />
  );
  const col = (key: 'person' | 'schools' | 'scheme' | 'supervisor' | 'period' | 'status') => t(`keyPersons.agreements.columns.${key}`);

  return (
    <>
      <KeyPersonTabs />
      <div className="page-header">
        <h1>{t('keyPersons.agreements.title')}</h1>
        {canEditKeyPersons(access) && (
          <Link to="/key-persons/agreements/new" className="button button-primary">
            {t('keyPersons.agreements.new')}
          </Link>
        )}
      </div>
      <p className="lead">{t('keyPersons.agreements.intro')}</p>
      <Flash />
      <SearchForm
        q={undefined}
        searchable={false}
        filterNames={filtersActive.length > 0 ? FILTERS : []}
        resetKey={[boardId, schoolId, active, boards.length, schools.data?.length].join('|')}
        onSearch={(values) => update({ boardId: values.boardId, schoolId: values.schoolId, active: values.active })}
      >
        <BoardFilter boards={boards} value={boardId} label={t('registry.board')} onlyForChoice />
        <SchoolFilter schools={schools.data} schoolId={schoolId} />
        <div className="field">
          <label htmlFor={`${id}-active`}>{t('keyPersons.agreements.activeFilter')}</label>
          <select id={`${id}-active`} name="active" defaultValue={active === undefined ? '' : String(active)}>
            <option value="">{t('common.all')}</option>
            <option value="true">{t('keyPersons.agreements.activeOnly')}</option>
            <option value="false">{t('keyPersons.agreements.inactiveOnly')}</option>
          </select>
        </div>
      </SearchForm>
      <ListResults query={query} label={t('keyPersons.agreements.title')} onPage={(page) => update({ page })} empty={t('keyPersons.agreements.none')}>
        {(items) => (
          <table className="stack-on-phone" data-testid="agreements-table">
            <caption className="visually-hidden">{t('keyPersons.agreements.title')}</caption>
            <thead>
              <tr>
                {sort('person', col('person'))}
                <th scope="col">{col('schools')}</th>
                <th scope="col">{col('scheme')}</th>
                <th scope="col">{col('supervisor')}</th>
                {sort('startsOn', col('period'))}
                <th scope="col">{col('status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td data-label={col('person')}>
                    <Link to={`/key-persons/agreements/${a.id}`}>{a.personName}</Link>
                  </td>
                  <td data-label={col('schools')}>{a.schools.map((s) => s.name).join(', ')}</td>
                  <td data-label={col('scheme')}>{schemeText(a, t, language)}</td>
                  <td data-label={col('supervisor')}>
                    {a.supervisor ? (
                      a.supervisor.personName
                    ) : (
                      <span className="warning-text">
                        <span aria-hidden="true">⚠ </span>
                        {t('keyPersons.agreement.nobody')}
                      </span>
                    )}
                  </td>
                  <td data-label={col('period')}>
                    {a.endsOn
                      ? t('keyPersons.agreement.periodFromTo', { from: formatDate(a.startsOn, language), to: formatDate(a.endsOn, language) })
                      : t('keyPersons.agreement.periodFrom', { from: formatDate(a.startsOn, language) })}
                  </td>
                  <td data-label={col('status')}>
                    {a.active ? t('keyPersons.agreement.active') : t('keyPersons.agreement.inactive')}
                    {a.taxableYears.length > 0 && (
                      <>
                        {' '}
                        <span className="badge badge-over">
                          <span aria-hidden="true">⚠ </span>
                          {t('keyPersons.agreements.taxableIn', { years: a.taxableYears.join(', ') })}
                        </span>
                      </>
                    )}
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
