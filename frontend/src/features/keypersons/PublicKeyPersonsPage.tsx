import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { isProblemError } from '../../api/client';
import { languageName } from '../people/languages';
import { usePublicKeyPersons } from './api';
import { type Translate, useT } from '../../lib/i18n';
import type { PublicPerson } from './types';
import './public.css';

const LANGUAGES = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
] as const;
type Lang = (typeof LANGUAGES)[number]['code'];
const CODE = /^[0-9A-Za-z]{4}[0-9]{2}$/;

/** The page's language: `?lang=`, else the one the visitor's browser set for this app, else Dutch. Nothing is stored. */
function usePageLanguage(): Lang {
  const [searchParams] = useSearchParams();
  const { i18n } = useT('keypersons');
  const asked = searchParams.get('lang');
  if (asked === 'nl' || asked === 'en') return asked;
  return (i18n.resolvedLanguage ?? i18n.language) === 'en' ? 'en' : 'nl';
}

function PersonCard({ person, index, lang, t }: { person: PublicPerson; index: number; lang: Lang; t: Translate<'keypersons'> }) {
  const own = lang === 'en' ? person.introductionEn : person.introductionNl;
  const other = lang === 'en' ? person.introductionNl : person.introductionEn;
  const introduction = own ?? other;
  return (
    <li className="public-card">
      <article aria-labelledby={`public-person-${index}`}>
        <h2 id={`public-person-${index}`}>{person.displayName}</h2>
        <p className="public-role">{lang === 'en' ? person.roleNameEn : person.roleNameNl}</p>
        {person.languages.length > 0 && (
          <p>
            <span className="public-label">{t('keyPersons.public.speaks')}</span>{' '}
            {person.languages.map((c) => languageName(c, lang)).join(', ')}
          </p>
        )}
        {person.howToReach && (
          <p>
            <span className="public-label">{t('keyPersons.public.howToReach')}</span> {person.howToReach}
          </p>
        )}
        {introduction && (
          <p className="public-intro" lang={own ? undefined : lang === 'en' ? 'nl' : 'en'}>
            {introduction}
          </p>
        )}
      </article>
    </li>
  );
}

/** A school's key persons and contact points for parents and others, without logging in. */
export function PublicKeyPersonsPage() {
  const { i18n } = useT('keypersons');
  const location = useLocation();
  const code = (useParams().locationCode ?? '').toUpperCase();
  const valid = CODE.test(code);
  const lang = usePageLanguage();
  const t = useMemo(() => i18n.getFixedT(lang) as unknown as Translate<'keypersons'>, [i18n, lang]);
  const query = usePublicKeyPersons(code, valid);
  const data = valid ? query.data : undefined;
  const notFound = !valid || (isProblemError(query.error) && (query.error.status === 404 || query.error.status === 400));
  const title = data ? t('keyPersons.public.title', { school: data.school.name }) : t('keyPersons.public.titleGeneric');

  useEffect(() => {
    document.title = title;
    const previous = document.documentElement.lang;
    document.documentElement.lang = lang;
    return () => {
      document.documentElement.lang = previous;
    };
  }, [title, lang]);

  return (
    <div className="public-page" lang={lang}>
      <header className="public-header">
        <p className="public-brand">{t('keyPersons.public.brand')}</p>
        <nav aria-label={t('keyPersons.public.languageNav')}>
          <ul className="public-languages">
            {LANGUAGES.map((l) => (
              <li key={l.code}>
                <Link
                  to={`${location.pathname}?lang=${l.code}`}
                  replace
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
      </header>
      <main className="public-main" id="main">
        {valid && query.isPending && (
          <p className="loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('app.loading')}
          </p>
        )}
        {notFound && (
          <section className="public-not-found" data-testid="public-not-found">
            <h1>{t('keyPersons.public.notFoundTitle')}</h1>
            <p>{t('keyPersons.public.notFoundText', { code })}</p>
          </section>
        )}
        {valid && query.isError && !notFound && (
          <section role="alert">
            <h1>{t('keyPersons.public.errorTitle')}</h1>
            <p>{isProblemError(query.error) && query.error.status === 429 ? t('keyPersons.public.tooMany') : t('keyPersons.public.errorText')}</p>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </button>
          </section>
        )}
        {data && (
          <>
            <h1>{title}</h1>
            {data.school.city && <p className="public-city">{data.school.city}</p>}
            <p className="public-lead">{t('keyPersons.public.intro', { school: data.school.name })}</p>
            {data.people.length === 0 ? (
              <p>{t('keyPersons.public.nobody')}</p>
            ) : (
              <ul className="public-cards" data-testid="public-people">
                {data.people.map((p, i) => (
                  <PersonCard key={`${p.role}-${p.displayName}`} person={p} index={i} lang={lang} t={t} />
                ))}
              </ul>
            )}
          </>
        )}
      </main>
      <footer className="public-footer">
        <p>{t('keyPersons.public.privacy')}</p>
      </footer>
    </div>
  );
}
