/** A poster of the route finder for the school's notice board: the areas and the school's counsellor (print CSS). */
import { useEffect, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { renderSVG } from 'uqr';
import { usePublicAreas, usePublicRoute } from '../api';
import { pick } from '../i18n';
import { AREAS, COUNSELLOR_ROLE } from '../types';
import { finderSearch, PublicFrame, PublicProblem } from './RouteFinderPage';
import { PublicTextProvider, publicLanguage, usePT } from './publicI18n';
import './public.css';

function Poster({ locationCode }: { locationCode: string }) {
  const { t, lang, english } = usePT();
  const areas = usePublicAreas(locationCode);
  // The counsellor is the first step of this route; its public listing says how to reach them.
  const route = usePublicRoute(locationCode, 'sexual-misconduct', 'parent', areas.isSuccess);
  const school = areas.data?.school;
  const counsellor = route.data?.steps.find((s) => s.actorType === 'role' && s.actor === COUNSELLOR_ROLE);
  const finderPath = `/openbaar/scholen/${locationCode}/klachtenroutes`;
  const finderUrl = `${window.location.origin}${finderPath}${finderSearch({ lang })}`;
  // a QR code to the route finder in the poster's language, drawn here (no service is asked)
  const qr = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderSVG(finderUrl, { border: 2 }))}`, [finderUrl]);

  useEffect(() => {
    document.title = school ? `${t('posterPage.title')} · ${school.name}` : t('posterPage.title');
  }, [school, t]);

  return (
    <PublicFrame schoolName={school?.name}>
      {areas.isError && <PublicProblem error={areas.error} onRetry={() => void areas.refetch()} />}
      <div className="poster">
        <h1>{t('posterPage.title')}</h1>
        {school && <p className="lead">{t('posterPage.intro', { school: school.name })}</p>}
        <ul className="poster-areas">
          {AREAS.map((code) => {
            const fromApi = areas.data?.areas.find((a) => a.code === code);
            return (
              <li key={code}>
                <strong>{t(`areas.${code}.name`, { defaultValue: pick(english, fromApi?.nameNl, fromApi?.nameEn) })}</strong>
                <br />
                {t(`areas.${code}.description`)}
              </li>
            );
          })}
        </ul>
        <section className="poster-counsellor" aria-labelledby="poster-counsellor">
          <h2 id="poster-counsellor">{t('posterPage.counsellor')}</h2>
          {counsellor && counsellor.contacts.length > 0 ? (
            counsellor.contacts.map((c, i) => (
              <p key={`${c.name}-${i}`}>
                <strong className="poster-name">{c.name}</strong>
                {c.howToReach && (
                  <>
                    <br />
                    {c.howToReach}
                  </>
                )}
              </p>
            ))
          ) : (
            <p>{t('posterPage.noCounsellor')}</p>
          )}
          <p>{t('posterPage.counsellorText')}</p>
        </section>
        <aside className="route-emergency" aria-labelledby="poster-emergency">
          <h2 id="poster-emergency">{t('emergency.title')}</h2>
          <p>{t('emergency.text')}</p>
        </aside>
        <div className="poster-link">
          <img className="poster-qr" src={qr} width={160} height={160} alt={t('posterPage.qrAlt', { school: school?.name ?? locationCode })} data-testid="poster-qr" data-url={finderUrl} />
          <p className="poster-url">
            {t('posterPage.scan')}
            <br />
            {t('posterPage.more')} <span className="poster-address">{finderUrl}</span>
          </p>
        </div>
        <p className="no-print">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('posterPage.print')}
          </button>{' '}
          <Link to={`${finderPath}${finderSearch({ lang })}`}>{t('posterPage.back')}</Link>
        </p>
      </div>
    </PublicFrame>
  );
}

export function PosterPage() {
  const { locationCode = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <PublicTextProvider lang={publicLanguage(params.get('lang'))} document>
      <Poster locationCode={locationCode.toUpperCase()} />
    </PublicTextProvider>
  );
}
