/** The regional programmes the user's boards take part in (`/programmas`), or that cover their region. */
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useProgrammes } from './api';
import { useT } from '../../lib/i18n';
import { programmePath } from './paths';
import { canSeeProgrammes } from './permissions';
import './programmes.css';

export function ProgrammesListPage() {
  const { t } = useT('programmes');
  const access = useAccess();
  const allowed = canSeeProgrammes(access);
  const query = useProgrammes({}, allowed);
  useDocumentTitle(t('programmes.title'));

  return (
    <>
      <h1>{t('programmes.title')}</h1>
      {!allowed ? (
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      ) : (
        <>
          <p>{t('programmes.intro')}</p>
          {query.isPending && <Loading />}
          {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
          {query.data && query.data.length === 0 && <p data-testid="programmes-none">{t('programmes.none')}</p>}
          {query.data && query.data.length > 0 && (
            <div className="table-wrap" role="region" aria-label={t('programmes.title')} tabIndex={0}>
              <table data-testid="programmes-table">
                <thead>
                  <tr>
                    <th scope="col">{t('programmes.columns.name')}</th>
                    <th scope="col">{t('programmes.columns.kind')}</th>
                    <th scope="col">{t('programmes.columns.region')}</th>
                    <th scope="col">{t('programmes.columns.lead')}</th>
                    <th scope="col">{t('programmes.columns.members')}</th>
                  </tr>
                </thead>
                <tbody>
                  {query.data.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={programmePath(p.id)}>{p.name}</Link>
                      </td>
                      <td>{t(`programmes.kinds.${p.kind}`)}</td>
                      <td>{p.region?.name ?? ''}</td>
                      <td>{p.leadBoard.name}</td>
                      <td>{p.members.map((m) => m.name).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
