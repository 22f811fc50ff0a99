/**
 * "Since your previous visit" on the home page (issue 16, item 4): what colleagues and integrations
 * changed in the reader's schools since their previous login (or, the first time, in the past
 * week), counted per kind of record, with the latest few and a link to each.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { today } from '../../lib/clock';
import { formatDateTime } from '../../lib/format';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { canSeeRegistry } from '../../lib/auth/permissions';

const LATEST = 5;
const PAGES: Record<string, string> = {
  board: '/boards',
  school: '/schools',
  partner: '/partners',
  partnership: '/partnerships',
  person: '/people',
};

/** The start of the window: the previous visit, or a week before today the first time. */
export function changesSince(previousLoginAt: string | null | undefined, now = today()): { since: string; firstVisit: boolean } {
  if (previousLoginAt) return { since: previousLoginAt, firstVisit: false };
  const day = new Date(`${now}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 7);
  return { since: day.toISOString(), firstVisit: true };
}

export function RecentChanges() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const access = useAccess();
  const reads = canSeeRegistry(access);
  const { since, firstVisit } = changesSince(user.previousLoginAt);
  const query = useQuery({
    queryKey: ['recent-changes', since],
    queryFn: async () => must(await api.GET('/recent-changes', { params: { query: { since, limit: LATEST } } })),
    enabled: reads,
  });
  if (!reads) return null;
  const language = i18n.resolvedLanguage ?? i18n.language;
  const data = query.data;
  const kind = (type: string): string => t(`audit.entityTypes.${type}` as never, { defaultValue: type });
  const verb = (action: string): string => String(t(`audit.actions.${action}` as never)).toLowerCase();

  return (
    <section aria-labelledby="home-recent" data-testid="recent-changes">
      <h2 id="home-recent">
        {firstVisit ? t('home.recent.titleWeek') : t('home.recent.title', { when: formatDateTime(since, language) })}
      </h2>
      {query.isError && <p>{t('home.recent.failed')}</p>}
      {data && data.total === 0 && <p>{t('home.recent.nothing')}</p>}
      {data && data.total > 0 && (
        <>
          <p>
            {t('home.recent.total', { count: data.total })}{' '}
            {data.counts
              .slice(0, 4)
              .map((c) => t('home.recent.count', { count: c.count, kind: kind(c.entityType), action: verb(c.action) }))
              .join('; ')}
            .
          </p>
          <ul className="link-list">
            {data.latest.map((c) => {
              const page = PAGES[c.entityType];
              const name = c.label ?? `${kind(c.entityType)} ${c.entityId}`;
              return (
                <li key={`${c.entityType}-${c.entityId}-${c.occurredAt}`}>
                  {kind(c.entityType)}: {page && c.action !== 'delete' ? <Link to={`${page}/${c.entityId}`}>{name}</Link> : name}{' '}
                  <span className="muted">
                    {t('home.recent.line', {
                      action: verb(c.action),
                      actor: c.actorLabel,
                      when: formatDateTime(c.occurredAt, language),
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
