/**
 * The public route finder of a school (no login, outside the app's layout): who are you, what is it
 * about, then the steps. Every choice lives in the address, so the back button works and nothing is
 * stored about the visitor.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isProblemError } from '../../../api/client';
import { usePublicAreas, usePublicRoute } from '../api';
import { pick } from '../i18n';
import { AREAS, GROUPS, isArea, isGroup, type Area, type Group, type PublicAreas } from '../types';
import { PublicRouteSteps } from './PublicRouteSteps';
import { PublicTextProvider, publicLanguage, publicLanguages, usePT } from './publicI18n';
import './public.css';

/** The address of the finder with these choices (and the language, when not Dutch). */
export function finderSearch(choice: { lang: string; group?: Group | null; area?: Area | null }): string {
  const params = new URLSearchParams();
  if (choice.group) params.set('wie', choice.group);
  if (choice.area) params.set('over', choice.area);
  if (choice.lang !== 'nl') params.set('lang', choice.lang);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function LanguageLinks() {
  const { t, lang } = usePT();
  const [params] = useSearchParams();
  const group = params.get('wie');
  const area = params.get('over');
  return (
    <nav className="public-languages" aria-label={t('language.choose')}>
      <ul>
        {publicLanguages.map((l) => (
          <li key={l.code}>
            <Link
              to={{ search: finderSearch({ lang: l.code, group: isGroup(group) ? group : null, area: isArea(area) ? area : null }) }}
              lang={l.code}
              hrefLang={l.code}
              aria-current={l.code === lang ? 'true' : undefined}
            >
              {l.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page frame of the public pages: the school's name, the languages, and the content. */
export function PublicFrame({ schoolName, children }: { schoolName?: string; children: ReactNode }) {
  const { t } = usePT();
  return (
    <div className="public-page">
      <header className="public-header">
        <p className="public-school">{schoolName ?? t('finder.kicker')}</p>
        <LanguageLinks />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** A failed public request in plain words. */
export function PublicProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = usePT();
  const notFound = isProblemError(error) && (error.status === 404 || error.status === 400);
  return (
    <div className="alert alert-error" role="alert">
      <p>{notFound ? t('errors.notFound') : t('errors.generic')}</p>
      {!notFound && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}

/** After the visitor chose something (not on the first load), focus goes to the new question or the steps. */
function useFocusAfterChoice(target: string | null) {
  const { key } = useLocation();
  const initial = useRef(key);
  useEffect(() => {
    if (key === initial.current || !target) return;
    document.getElementById(target)?.focus();
  }, [key, target]);
}

function Finder({ locationCode }: { locationCode: string }) {
  const { t, lang, english } = usePT();
  const [params] = useSearchParams();
  const groupParam = params.get('wie');
  const areaParam = params.get('over');
  const group = isGroup(groupParam) ? groupParam : null;
  const area = group && isArea(areaParam) ? areaParam : null;
  const areas = usePublicAreas(locationCode);
  const route = usePublicRoute(locationCode, area, group, areas.isSuccess);
  useFocusAfterChoice(!group ? 'finder-who' : !area ? 'finder-about' : route.data ? 'route-steps-title' : null);
  const school = areas.data?.school;
  // The page speaks to the chosen reader (`je` to pupils, `u` to parents and staff, and its topics
  // from their side); before the choice it speaks to no one in particular.
  const context = group ?? 'any';
  const reader = { context };

  useEffect(() => {
    const title = t('finder.title', { context });
    document.title = school ? `${title} · ${school.name}` : title;
  }, [school, t, context]);

  const areaName = (code: Area, data?: PublicAreas) => {
    const fromApi = data?.areas.find((a) => a.code === code);
    return t(`areas.${code}.name`, { ...reader, defaultValue: pick(english, fromApi?.nameNl, fromApi?.nameEn) });
  };

  return (
    <PublicFrame schoolName={school?.name}>
      <p className="public-kicker">{t('finder.kicker')}</p>
      <h1>{t('finder.title', reader)}</h1>
      {areas.isPending && (
        <p className="loading" role="status">
          {t('finder.loading')}
        </p>
      )}
      {areas.isError && <PublicProblem error={areas.error} onRetry={() => void areas.refetch()} />}
      {school && (
        <>
          <p className="lead">{t('finder.intro', { ...reader, school: school.name })}</p>
          {!group && (
            <section aria-labelledby="finder-who">
              <h2 id="finder-who" tabIndex={-1}>
                {t('finder.whoTitle')}
              </h2>
              <ul className="choice-list choice-list-groups">
                {GROUPS.map((g) => (
                  <li key={g}>
                    <Link className="choice" to={{ search: finderSearch({ lang, group: g }) }}>
                      <span className="choice-name">{t(`groups.${g}`)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {group && (
            <div className="finder-chosen">
              <p>
                {t('finder.chosen', {
                  ...reader,
                  who: t(`groupsShort.${group}`),
                  about: area ? areaName(area, areas.data) : '…',
                })}
              </p>
              <ul className="finder-changes">
                <li>
                  <Link to={{ search: finderSearch({ lang }) }}>{t('finder.changeWho', reader)}</Link>
                </li>
                {area && (
                  <li>
                    <Link to={{ search: finderSearch({ lang, group }) }}>{t('finder.changeAbout')}</Link>
                  </li>
                )}
              </ul>
            </div>
          )}
          {group && !area && (
            <section aria-labelledby="finder-about">
              <h2 id="finder-about" tabIndex={-1}>
                {t('finder.aboutTitle')}
              </h2>
              <ul className="choice-list">
                {AREAS.map((code) => {
                  const fromApi = areas.data?.areas.find((a) => a.code === code);
                  return (
                    <li key={code}>
                      <Link className="choice" to={{ search: finderSearch({ lang, group, area: code }) }}>
                        <span className="choice-name">{areaName(code, areas.data)}</span>
                        <span className="choice-description">
                          {t(`areas.${code}.description`, {
                            ...reader,
                            defaultValue: pick(english, fromApi?.descriptionNl, fromApi?.descriptionEn),
                          })}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {group && area && (
            <section aria-labelledby="route-steps-title" className="finder-route">
              {route.isPending && (
                <p className="loading" role="status">
                  {t('finder.loading')}
                </p>
              )}
              {route.isError && <PublicProblem error={route.error} onRetry={() => void route.refetch()} />}
              {route.data && <PublicRouteSteps route={route.data} />}
            </section>
          )}
          <footer className="public-footer">
            <p>
              <Link to={`/openbaar/scholen/${school.locationCode}/klachtenroutes/poster${finderSearch({ lang })}`}>
                {t('finder.poster')}
              </Link>
            </p>
          </footer>
        </>
      )}
    </PublicFrame>
  );
}

export function RouteFinderPage() {
  const { locationCode = '' } = useParams();
  const [params] = useSearchParams();
  return (
    <PublicTextProvider lang={publicLanguage(params.get('lang'))} document>
      <Finder locationCode={locationCode.toUpperCase()} />
    </PublicTextProvider>
  );
}
