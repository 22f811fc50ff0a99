/**
 * The partnerships all member boards share (a youth-care covenant, say), with each member board's
 * contacts; a board without one gets a visible warning (the gap `shared-partnership-no-contact`).
 */
import { useId } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useSharedPartnerships } from './api';
import { periodText } from './format';
import { useT } from '../../lib/i18n';

export function SharedPartnershipsSection({ programmeId }: { programmeId: number }) {
  const { t, language } = useT('programmes');
  const id = useId();
  const query = useSharedPartnerships(programmeId);
  const items = query.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="programme-section" id="samenwerkingen">
      <h2 id={`${id}-title`}>{t('programmes.partnerships.title')}</h2>
      <p>{t('programmes.partnerships.intro')}</p>
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && items.length === 0 && <p>{t('programmes.partnerships.none')}</p>}
      {items.length > 0 && (
        <ul className="shared-partnerships" data-testid="shared-partnerships">
          {items.map((sp) => {
            const period = periodText(sp.startDate, sp.endDate, t, language);
            return (
              <li key={sp.id} className="shared-partnership" data-partnership={sp.id}>
                <h3>
                  <Link to={`/partnerships/${sp.id}`}>{sp.title ? `${sp.partnerName}: ${sp.title}` : sp.partnerName}</Link>
                </h3>
                <p className="muted">
                  {sp.partnerCategory}
                  {period ? ` · ${period}` : ''}
                </p>
                <table className="shared-contacts">
                  <caption className="visually-hidden">{t('programmes.partnerships.contacts')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programmes.members.board')}</th>
                      <th scope="col">{t('programmes.partnerships.contacts')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sp.boards.map((b) => (
                      <tr key={b.boardId} data-board={b.boardId}>
                        <td>{b.boardName}</td>
                        <td>
                          {b.contacts.length > 0 ? (
                            b.contacts.join(', ')
                          ) : (
                            <span className="no-contact-warning" data-testid="no-contact-warning">
                              <span aria-hidden="true">⚠ </span>
                              {t('programmes.partnerships.noContact', { board: b.boardName })}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
