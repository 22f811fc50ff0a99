/**
 * The route editor: choose school, subject and group; see the route that applies; make the school's
 * own version, edit its steps, publish it, or go back to the default; and a preview as the public
 * sees it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { School } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditRoutes } from '../../lib/auth/permissions';
import { LiveMessage } from '../../components/LiveMessage';
import { RegistryProblem } from '../../components/ProblemMessage';
import { useSchoolChoice } from '../../components/SchoolView';
import { useActors } from './actors';
import {
  useCreateRoute,
  useDeleteRoute,
  usePublicRoute,
  useResolvedRoute,
  useRouteVersions,
  useUpdateRoute,
  type RouteChoice,
  type WithEtag,
} from './api';
import { pick, useT } from '../../lib/i18n';
import { ComplaintsTabs } from './nav';
import { PublicRouteSteps } from './public/PublicRouteSteps';
import { PublicTextProvider } from './public/publicI18n';
import { StepEditor } from './StepEditor';
import { areaOptions, FilterSelect, groupOptions } from './FilterSelect';
import { isArea, isGroup, type Route } from './types';
import './complaints.css';

function ChoiceForm({ schools, choice, onChoose }: { schools: School[]; choice: RouteChoice; onChoose: (c: RouteChoice) => void }) {
  const { t } = useT('complaints');
  const id = useId();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const area = String(data.get('area'));
    const group = String(data.get('group'));
    const schoolId = Number(data.get('schoolId') ?? choice.schoolId);
    if (isArea(area) && isGroup(group) && schoolId > 0) onChoose({ schoolId, area, group });
  }
  return (
    <form className="search-form route-choice no-print" onSubmit={submit} key={`${choice.schoolId}/${choice.area}/${choice.group}`}>
      {schools.length > 1 && (
        <FilterSelect
          id={`${id}-school`}
          name="schoolId"
          label={t('registry.school')}
          defaultValue={String(choice.schoolId)}
          options={schools.map((s) => ({ value: String(s.id), label: s.name }))}
        />
      )}
      <FilterSelect id={`${id}-area`} name="area" label={t('complaints.routes.area')} defaultValue={choice.area} options={areaOptions(t)} />
      <FilterSelect id={`${id}-group`} name="group" label={t('complaints.routes.group')} defaultValue={choice.group} options={groupOptions(t)} />
      <div className="search-actions">
        <button type="submit" className="button button-primary">
          {t('complaints.routes.show')}
        </button>
      </div>
    </form>
  );
}

/** A route's steps, read only. */
export function RouteStepsView({ route }: { route: Route }) {
  const { t, english } = useT('complaints');
  const actors = useActors(route.boardId ?? undefined);
  return (
    <section aria-labelledby="steps-title">
      <h2 id="steps-title">{t('complaints.routes.steps')}</h2>
      <ol className="step-list step-list-read">
        {route.steps.map((step) => (
          <li key={step.key} className={step.statutory ? 'step-item step-item-statutory' : 'step-item'} data-testid="step">
            <p className="step-fixed">
              <strong>{t(`complaints.kinds.${step.kind}`)}</strong> · {actors.name(step.actorType, step.actor)}
              {step.statutory && <span className="badge badge-law">{t('complaints.editor.statutory')}</span>}
            </p>
            <p>{pick(english, step.textNl, step.textEn)}</p>
            {(step.expectNl || step.expectEn) && <p className="muted">{pick(english, step.expectNl, step.expectEn)}</p>}
            {step.statutory && step.rule && (
              <p className="step-lock">
                <span aria-hidden="true">🔒 </span>
                {step.rule}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Preview({ school, choice, own, dirty }: { school: School; choice: RouteChoice; own: Route | null; dirty: boolean }) {
  const { t, i18n } = useT('complaints');
  // What the public sees: the public answer itself when the school's version is published or there
  // is none; otherwise the saved draft, resolved as staff see it.
  const publicView = !own || own.published;
  const published = usePublicRoute(school.locationCode, choice.area, choice.group, publicView);
  const draft = useResolvedRoute(choice, true, !publicView);
  const query = publicView ? published : draft;
  return (
    <section className="route-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('complaints.routes.preview')}</h2>
      {!publicView && <p className="field-hint">{t('complaints.routes.previewDraft')}</p>}
      {dirty && <p className="field-hint">{t('complaints.routes.previewUnsaved')}</p>}
      {query.isPending && <Loading />}
      {query.isError && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <div className="preview-frame" data-testid="route-preview">
          <PublicTextProvider lang={i18n.resolvedLanguage ?? i18n.language}>
            <PublicRouteSteps route={query.data} headingLevel={3} />
          </PublicTextProvider>
        </div>
      )}
    </section>
  );
}

function RouteEditor({ school, choice }: { school: School; choice: RouteChoice }) {
  const { t } = useT('complaints');
  const access = useAccess();
  const queryClient = useQueryClient();
  const { own, fallback } = useRouteVersions(choice);
  const create = useCreateRoute();
  const update = useUpdateRoute();
  const remove = useDeleteRoute();
  const [message, setMessage] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const mayEdit = canEditRoutes(access, school);
  const ownKey = ['complaint-routes', 'own', choice.schoolId, choice.area, choice.group];
  const onDirtyChange = useCallback((value: boolean) => setDirty(value), []);

  function keep(saved: WithEtag<Route> | null, text: string) {
    queryClient.setQueryData(ownKey, saved);
    setMessage(text);
  }

  async function makeOwn() {
    setMessage(null);
    try {
      keep(await create.mutateAsync(choice), t('complaints.routes.created'));
    } catch {
      /* shown below */
    }
  }

  async function setPublished(published: boolean) {
    if (!own.data) return;
    setMessage(null);
    try {
      const saved = await update.mutateAsync({ routeId: own.data.data.id, etag: own.data.etag, body: { published } });
      keep(saved, published ? t('complaints.routes.publishedNow') : t('complaints.routes.unpublishedNow'));
    } catch {
      /* shown below */
    }
  }

  if (own.isPending || fallback.isPending) return <Loading />;
  if (own.isError) return <ProblemAlert error={own.error} onRetry={() => void own.refetch()} />;
  if (fallback.isError) return <ProblemAlert error={fallback.error} onRetry={() => void fallback.refetch()} />;

  const ownRoute = own.data?.data ?? null;
  const publicPath = `/openbaar/scholen/${school.locationCode}/klachtenroutes`;

  return (
    <>
      <LiveMessage message={message} />
      <div className="route-status">
        <p>
          <strong>{ownRoute ? t('complaints.routes.sourceOwn') : t('complaints.routes.sourceDefault')}</strong>{' '}
          {ownRoute && (ownRoute.published ? t('complaints.routes.published') : t('complaints.routes.unpublished'))}
        </p>
        <p>
          <a href={publicPath} target="_blank" rel="noopener">
            {t('complaints.routes.publicLink')}
          </a>
        </p>
        {mayEdit && !ownRoute && (
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => void makeOwn()} disabled={create.isPending}>
              {t('complaints.routes.makeOwn')}
            </button>
            <span className="field-hint">{t('complaints.routes.makeOwnHint')}</span>
          </div>
        )}
        {mayEdit && ownRoute && own.data && (
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => void setPublished(!ownRoute.published)}
              disabled={update.isPending || dirty}
              aria-describedby={dirty ? 'publish-hint' : undefined}
            >
              {ownRoute.published ? t('complaints.routes.unpublish') : t('complaints.routes.publish')}
            </button>
            {dirty && (
              <span className="field-hint" id="publish-hint">
                {t('complaints.routes.saveFirst')}
              </span>
            )}
            <ConfirmAction
              label={t('complaints.routes.toDefault')}
              message={t('complaints.routes.toDefaultConfirm')}
              confirmLabel={t('complaints.routes.toDefaultYes')}
              onConfirm={async () => {
                await remove.mutateAsync({ routeId: ownRoute.id, etag: own.data?.etag ?? null });
                keep(null, t('complaints.routes.toDefaultDone'));
              }}
            />
          </div>
        )}
        {!mayEdit && <p className="muted">{t('complaints.routes.readOnly')}</p>}
        <RegistryProblem error={create.error ?? update.error ?? remove.error} />
      </div>

      {ownRoute && own.data && mayEdit ? (
        <StepEditor
          key={`${ownRoute.id}:${own.data.etag ?? ownRoute.updatedAt}`}
          route={ownRoute}
          etag={own.data.etag}
          onSaved={(saved) => keep(saved, t('complaints.routes.saved'))}
          onReload={() => own.refetch()}
          onDirtyChange={onDirtyChange}
        />
      ) : ownRoute ? (
        <RouteStepsView route={ownRoute} />
      ) : fallback.data ? (
        <RouteStepsView route={fallback.data.data} />
      ) : (
        <p>{t('complaints.routes.noDefault')}</p>
      )}

      <Preview school={school} choice={choice} own={ownRoute} dirty={dirty && !!ownRoute} />
    </>
  );
}

export function RouteEditorPage() {
  const { t } = useT('complaints');
  const [params, setParams] = useSearchParams();
  const { schoolId, school, schools } = useSchoolChoice();
  const areaParam = params.get('area');
  const groupParam = params.get('group');
  const area = isArea(areaParam) ? areaParam : 'school-organisation';
  const group = isGroup(groupParam) ? groupParam : 'pupil';
  const title = t('complaints.routes.title');
  useDocumentTitle(school ? `${title}: ${school.name}` : title);

  function choose(next: RouteChoice) {
    setParams({ schoolId: String(next.schoolId), area: next.area, group: next.group });
  }

  return (
    <>
      <ComplaintsTabs />
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
      </div>
      <p className="lead">{t('complaints.routes.intro')}</p>
      {schools.isPending && <Loading />}
      {schools.isError && <ProblemAlert error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.data && schools.data.length === 0 && <p>{t('registry.noSchools')}</p>}
      {schools.data && schoolId && !school && <ProblemAlert error={null} message={t('errors.notFound')} />}
      {school && schools.data && (
        <>
          <ChoiceForm schools={schools.data} choice={{ schoolId: school.id, area, group }} onChoose={choose} />
          <h2 className="route-heading">
            {t(`complaints.areas.${area}`)} · {t(`complaints.groups.${group}`)}
          </h2>
          <RouteEditor key={`${school.id}/${area}/${group}`} school={school} choice={{ schoolId: school.id, area, group }} />
        </>
      )}
    </>
  );
}
