import { Link } from 'react-router';
import type { School } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SchoolView } from '../../components/SchoolView';
import { useT } from '../../lib/i18n';
import { useCategoryName } from '../../lib/scope';
import type { InductionLevel } from '../../api/registryTypes';
import { useInduction } from './api';

/** For new colleagues: the school's partners by level, each with the colleague to go to. Prints cleanly. */
export function InductionPage() {
  const { t } = useT();
  return (
    <SchoolView
      title={t('induction.title')}
      intro={t('induction.intro')}
      actions={() => (
        <button type="button" className="button" onClick={() => window.print()}>
          {t('induction.print')}
        </button>
      )}
    >
      {(school) => <InductionView school={school} />}
    </SchoolView>
  );
}

function InductionView({ school }: { school: School }) {
  const { t } = useT();
  const query = useInduction(school.id);
  const categoryName = useCategoryName(school.boardId);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.levels.length === 0) return <p>{t('induction.empty')}</p>;

  return (
    <div className="induction">
      <p className="print-only">{t('induction.printedFrom', { school: school.name })}</p>
      {query.data.levels.map((level) => (
        <LevelSection key={level.level} level={level} categoryName={categoryName} />
      ))}
    </div>
  );
}

function LevelSection({ level, categoryName }: { level: InductionLevel; categoryName: (code: string, fallback?: string) => string }) {
  const { t } = useT();
  const headingId = `induction-${level.level}`;
  return (
    <section aria-labelledby={headingId} className="induction-level">
      <h2 id={headingId}>{t(`induction.levels.${level.level}`)}</h2>
      <p className="muted no-print">{t(`induction.levelIntro.${level.level}`)}</p>
      <ul className="induction-list">
        {level.partners.map((p) => {
          const primary = p.contacts.find((c) => c.isPrimary) ?? p.contacts[0];
          const others = p.contacts.filter((c) => c !== primary);
          return (
            <li key={p.partnershipId} className="card induction-card">
              <h3 className="card-title">
                <Link to={`/partnerships/${p.partnershipId}`}>{p.partnerName}</Link>
              </h3>
              <p className="card-kicker">
                {categoryName(p.categoryCode, p.categoryName)}
                {p.coLocated && ` · ${t('induction.coLocated')}`}
              </p>
              {p.title && <p>{p.title}</p>}
              {p.purposes.length > 0 && (
                <p className="muted">
                  {t('induction.purposes')}: {p.purposes.map((x) => t(`partnerships.purposeNames.${x}` as 'partnerships.purposeNames.other')).join(', ')}
                </p>
              )}
              {primary ? (
                <div className="induction-contact">
                  <p>
                    <strong>{t('induction.goTo')}</strong> {primary.name}
                  </p>
                  <ul className="plain-list">
                    {primary.email && (
                      <li>
                        {t('induction.email')}: <a href={`mailto:${primary.email}`}>{primary.email}</a>
                      </li>
                    )}
                    {primary.phone && (
                      <li>
                        {t('induction.phone')}: <a href={`tel:${primary.phone}`}>{primary.phone}</a>
                      </li>
                    )}
                  </ul>
                  {others.length > 0 && (
                    <p className="muted">
                      {t('induction.alsoContact')}: {others.map((c) => c.name).join(', ')}
                    </p>
                  )}
                </div>
              ) : (
                <p className="warning-text">
                  <span aria-hidden="true">! </span>
                  {t('induction.noContact')}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
