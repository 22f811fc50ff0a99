/**
 * `/inclusie/werkgeversservicepunt/:regionId`: a labour-market region's one contact point for school
 * boards at the employer service point, filled in or changed by the platform administrator and the
 * region's contacts. Sends the changed fields with If-Match (`"v0"` while empty); a 412 is explained
 * and reloaded.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { changedFields, str, useFormState } from '../../lib/forms';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { areaPath } from '../areas/paths';
import { canSeeAreaDashboards } from '../areas/permissions';
import { LiveMessage } from '../../components/LiveMessage';
import { useServicePoint, useUpdateServicePoint } from './api';
import { useT } from '../../lib/i18n';
import { canEditServicePoint } from './permissions';
import type { ServicePoint, ServicePointUpdate } from './types';
import { isStale, useStale } from '../../lib/stale';
import './inclusion.css';

type Values = { organisation: string; contactName: string; email: string; phone: string; openingHours: string; website: string; notes: string };
const FIELDS = ['organisation', 'contactName', 'email', 'phone', 'openingHours', 'website', 'notes'] as const;

export function ServicePointPage() {
  const { t } = useT('inclusion');
  const access = useAccess();
  const regionId = parseId(useParams().regionId);
  const allowed = Number.isFinite(regionId) && canEditServicePoint(access, regionId);
  const query = useServicePoint(allowed ? regionId : Number.NaN);
  const [message, setMessage] = useState<string | null>(null);
  const point = query.data?.data;
  useDocumentTitle(point ? t('inclusion.servicePoint.pageTitle', { region: point.regionName }) : t('inclusion.servicePoint.title'));

  if (!Number.isFinite(regionId)) return <NotFoundPage />;
  if (!allowed) {
    return (
      <>
        <h1>{t('inclusion.servicePoint.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { data, etag } = query.data;
  return (
    <>
      {canSeeAreaDashboards(access) && (
        <p className="breadcrumb">
          <Link to={areaPath('region', data.regionId)}>{t('inclusion.servicePoint.backToArea', { region: data.regionName })}</Link>
        </p>
      )}
      <h1>{t('inclusion.servicePoint.pageTitle', { region: data.regionName })}</h1>
      <p className="lead">{t('inclusion.servicePoint.pageIntro')}</p>
      <LiveMessage message={message} />
      <ServicePointForm
        key={etag ?? ''}
        point={data}
        etag={etag}
        onReload={() => query.refetch()}
        onSaved={() => setMessage(t('inclusion.servicePoint.saved'))}
      />
    </>
  );
}

function ServicePointForm({
  point,
  etag,
  onReload,
  onSaved,
}: {
  point: ServicePoint;
  etag: string | null;
  onReload: () => Promise<unknown>;
  onSaved: () => void;
}) {
  const { t } = useT('inclusion');
  const initial = Object.fromEntries(FIELDS.map((f) => [f, str(point[f])])) as Values;
  const form = useFormState<Values>(initial);
  const { values, setValue, fieldErrors } = form;
  const update = useUpdateServicePoint(point.regionId);
  const { stale, setStale, reloading, reload } = useStale(onReload);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    form.clearErrors();
    const email = values.email.trim();
    if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      form.setFieldErrors({ email: t('inclusion.servicePoint.emailInvalid') });
      return;
    }
    const changed = changedFields(initial, values);
    if (changed.length === 0) {
      onSaved();
      return;
    }
    const body: ServicePointUpdate = {};
    for (const f of changed) body[f] = values[f].trim() || null;
    try {
      await update.mutateAsync({ body, etag });
      onSaved();
    } catch (error) {
      if (isStale(error)) setStale(true);
      else form.applyError(error);
    }
  }

  const text = (name: keyof Values, label: string, maxLength: number, extra: Record<string, string> = {}, hint?: string) => (
    <FormField label={label} hint={hint} error={fieldErrors[name]}>
      {(a) => <input {...a} name={name} maxLength={maxLength} value={values[name]} onChange={(e) => setValue(name, e.target.value)} {...extra} />}
    </FormField>
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="service-point-form">
      {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
      {Object.keys(fieldErrors).length > 0 && !form.formError && (
        <div className="alert alert-error" role="alert">
          {t('common.formHasErrors')}
        </div>
      )}
      <FormErrorSummary error={form.formError} hasFieldErrors={Object.keys(fieldErrors).length > 0} />
      {text('organisation', t('inclusion.servicePoint.organisation'), 200, { autoComplete: 'organization' })}
      {text('contactName', t('inclusion.servicePoint.contactName'), 200, { autoComplete: 'off' })}
      {text('email', t('inclusion.servicePoint.email'), 320, { type: 'email', inputMode: 'email', autoComplete: 'off', spellCheck: 'false' })}
      {text('phone', t('inclusion.servicePoint.phone'), 40, { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
      {text('openingHours', t('inclusion.servicePoint.openingHours'), 300)}
      {text('website', t('inclusion.servicePoint.website'), 500, { type: 'url', inputMode: 'url', spellCheck: 'false' }, t('inclusion.servicePoint.websiteHint'))}
      <FormField label={t('inclusion.servicePoint.notes')} error={fieldErrors.notes}>
        {(a) => <textarea {...a} name="notes" rows={3} maxLength={1000} value={values.notes} onChange={(e) => setValue('notes', e.target.value)} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending || stale}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
