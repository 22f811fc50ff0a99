/** On a board's page: the regional programmes the board takes part in, with links. */
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useProgrammes } from './api';
import { useT } from '../../lib/i18n';
import { programmePath } from './paths';
import { canSeeProgrammes } from './permissions';

export function BoardProgrammesSection({ boardId }: { boardId: number }) {
  const { t } = useT('programmes');
  const access = useAccess();
  const allowed = canSeeProgrammes(access);
  const query = useProgrammes({ boardId }, allowed);
  if (!allowed) return null;
  return (
    <section aria-labelledby="board-programmes" data-testid="board-programmes">
      <h2 id="board-programmes">{t('programmes.board.title')}</h2>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.data &&
        (query.data.length === 0 ? (
          <p>{t('programmes.board.none')}</p>
        ) : (
          <ul className="programme-links">
            {query.data.map((p) => (
              <li key={p.id}>
                <Link to={programmePath(p.id)}>{p.name}</Link>{' '}
                <span className="muted">
                  {t(`programmes.kinds.${p.kind}`)}
                  {p.leadBoard.id === boardId ? ` · ${t('programmes.board.lead')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
