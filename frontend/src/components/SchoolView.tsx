import { useEffect, useId, type FormEvent, type ReactNode } from 'react';
import { NavLink, useSearchParams } from 'react-router';
import type { School } from '../api/types';
import { Loading } from './Loading';
import { ProblemAlert } from './ProblemAlert';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { toNumber } from '../lib/useListParams';
import { useUser } from '../lib/auth/AuthProvider';
import { useT } from '../lib/i18n';
import { useScopeSchools } from '../lib/scope';

/** The school of a per-school view: `?schoolId=` or, by default, the user's own (first) school. */
export function useSchoolChoice() {
  const user = useUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const schools = useScopeSchools();
  const asked = toNumber(searchParams.get('schoolId') ?? undefined);
  const own = user.memberships.find((m) => m.schoolId != null)?.schoolId ?? undefined;
  const list = schools.data ?? [];
  const fallback = list.find((s) => s.id === own)?.id ?? list[0]?.id;
  const schoolId = asked ?? fallback;
  const school = list.find((s) => s.id === schoolId);

  // Put the default school in the address, so the page can be bookmarked and shared.
  useEffect(() => {
    if (!asked && fallback) {
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('schoolId', String(fallback));
          return next;
        },
        { replace: true },
      );
    }
  }, [asked, fallback, setSearchParams]);

  function choose(id: number) {
    setSearchParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('schoolId', String(id));
      return next;
    });
  }
  return { schoolId, school, schools, choose };
}

/** A labelled school select with a button (choosing does not reload the page on its own). */
export function SchoolPicker({
  schools,
  schoolId,
  onChoose,
}: {
  schools: School[];
  schoolId: number | undefined;
  onChoose: (id: number) => void;
}) {
  const { t } = useT();
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = toNumber(String(new FormData(event.currentTarget).get('schoolId') ?? ''));
    if (value) onChoose(value);
  }
  if (schools.length <= 1) return null;
  return (
    <form className="search-form school-picker" onSubmit={submit} key={schoolId}>
      <div className="field">
        <label htmlFor={id}>{t('registry.school')}</label>
        <select id={id} name="schoolId" defaultValue={schoolId ? String(schoolId) : ''}>
          {schools.map((s) => (
            <option key={s.id} value={String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="search-actions">
        <button type="submit" className="button button-primary">
          {t('registry.show')}
        </button>
      </div>
    </form>
  );
}

const VIEWS = [
  { path: '/who/roles', key: 'roles' },
  { path: '/who/organogram', key: 'organogram' },
  { path: '/who/induction', key: 'induction' },
] as const;

interface ViewProps {
  title: string;
  intro?: string;
  /** The page content for the chosen school. */
  children: (school: School) => ReactNode;
  actions?: (school: School) => ReactNode;
}

/** The frame of the "who does what" views: title, the views as tabs, the school picker. */
export function SchoolView({ title, intro, children, actions }: ViewProps) {
  const { t } = useT();
  const { schoolId, school, schools, choose } = useSchoolChoice();
  useDocumentTitle(school ? `${title}: ${school.name}` : title);
  const query = schoolId ? `?schoolId=${schoolId}` : '';
  return (
    <>
      <nav className="view-tabs" aria-label={t('registry.who.views')}>
        <ul>
          {VIEWS.map((v) => (
            <li key={v.key}>
              <NavLink to={`${v.path}${query}`}>{t(`registry.who.${v.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page-header">
        <h1>
          {title}
          {school && (
            <>
              <span className="visually-hidden">: </span>
              <span className="title-school">{school.name}</span>
            </>
          )}
        </h1>
        {school && actions && <div className="actions no-print">{actions(school)}</div>}
      </div>
      {intro && <p className="lead">{intro}</p>}
      {schools.isPending && <Loading />}
      {schools.isError && <ProblemAlert error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.data && (
        <div className="no-print">
          <SchoolPicker schools={schools.data} schoolId={schoolId} onChoose={choose} />
        </div>
      )}
      {schools.data && schools.data.length === 0 && <p>{t('registry.noSchools')}</p>}
      {schools.data && schoolId && !school && <ProblemAlert error={null} message={t('errors.notFound')} />}
      {school && children(school)}
    </>
  );
}
