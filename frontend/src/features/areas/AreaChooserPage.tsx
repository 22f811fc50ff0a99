/** "Mijn gebieden": the municipalities and regions the user reads as contact point, each to its dashboard. */
import { Link, Navigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess, useUser } from '../../lib/auth/AuthProvider';
import { useT } from '../../lib/i18n';
import { REGIONS_PATH } from './paths';
import { canManageRegions, canSeeAreaDashboards, ownAreas } from './permissions';
import './areas.css';

export function AreaChooserPage() {
  const { t } = useT('areas', 'complaints');
  const access = useAccess();
  const user = useUser();
  const areas = ownAreas(access, user);
  useDocumentTitle(t('areas.chooser.title'));

  if (!canSeeAreaDashboards(access)) {
    return (
      <>
        <h1>{t('areas.chooser.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  // One area: straight to its dashboard.
  if (areas.length === 1) return <Navigate to={areas[0]!.to} replace />;

  return (
    <>
      <h1>{t('areas.chooser.title')}</h1>
      <p className="lead">{t('areas.chooser.intro')}</p>
      {areas.length === 0 ? (
        <p>
          {t('areas.chooser.none')}{' '}
          {canManageRegions(access) && <Link to={REGIONS_PATH}>{t('areas.chooser.viaRegions')}</Link>}
        </p>
      ) : (
        <ul className="cards" data-testid="area-choices">
          {areas.map((a) => (
            <li key={`${a.type}:${a.id}`} className="card">
              <p className="card-kicker">{t(a.type === 'municipality' ? 'scopeTypes.municipality' : 'scopeTypes.region')}</p>
              <h2 className="card-title">
                <Link to={a.to}>{a.name}</Link>
              </h2>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
