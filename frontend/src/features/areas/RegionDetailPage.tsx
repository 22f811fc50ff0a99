/**
 * One region for the platform administrator: its details, its municipalities with an editor for the
 * whole set (If-Match with the region's ETag; a 409 names the municipality that lies in another
 * region of this kind; a 412 is explained and reloaded), and deleting it (409 while contacts or API
 * keys are bound to it). A labour-market region's municipalities come from CBS: read only.
 */
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isProblemError } from '../../api/client';
import type { AnyRegion, Municipality } from '../../api/types';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canSeeAudit } from '../../lib/auth/permissions';
import { servicePointPath } from '../inclusion/paths';
import { useDeleteRegion, useRegion, useRegionMunicipalities, useSetRegionMunicipalities } from './api';
import { useT } from '../../lib/i18n';
import { MunicipalityPicker } from './MunicipalityPicker';
import { areaPath, REGIONS_PATH } from './paths';
import { canManageRegions } from './permissions';
import { ConflictAlert, isMunicipalityConflict } from './RegionForm';
import './areas.css';

export function RegionDetailPage() {
  const { t } = useT('areas', 'complaints');
  const access = useAccess();
  const navigate = useNavigate();
  const allowed = canManageRegions(access);
  const regionId = parseId(useParams().regionId);
  const query = useRegion(allowed ? regionId : Number.NaN);
  const members = useRegionMunicipalities(regionId, allowed);
  const remove = useDeleteRegion(regionId);
  const [confirming, setConfirming] = useState(false);
  useDocumentTitle(query.data?.data.name ?? t('regionAdmin.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('regionAdmin.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(regionId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const { data: region, etag } = query.data;
  const labourMarket = region.kind === 'labour-market';

  async function onDelete() {
    try {
      await remove.mutateAsync({ etag });
      navigate(REGIONS_PATH, { state: { flash: t('regionAdmin.deleted', { name: region.name }) } });
    } catch {
      setConfirming(false);
    }
  }

  /** The region (its ETag) and its municipalities as saved now. */
  async function reload(): Promise<Municipality[] | undefined> {
    const [, fresh] = await Promise.all([query.refetch(), members.refetch()]);
    return fresh.data;
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to={REGIONS_PATH}>{t('regionAdmin.title')}</Link>
      </p>
      <p className="area-kicker">{t(`regionKinds.${region.kind}`)}</p>
      <div className="page-header">
        <h1>{region.name}</h1>
        <div className="actions">
          <Link to={`${REGIONS_PATH}/${region.id}/edit`} className="button button-primary">
            {labourMarket ? t('regionAdmin.editName') : t('regionAdmin.editNameCode')}
          </Link>
          {!labourMarket && !confirming && (
            <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </div>
      <Flash />
      {confirming && (
        <div className="alert alert-warning" role="group" aria-labelledby="confirm-delete-region">
          <p id="confirm-delete-region">{t('regionAdmin.confirmDelete', { name: region.name })}</p>
          <div className="actions">
            <button type="button" className="button button-danger" onClick={() => void onDelete()} disabled={remove.isPending}>
              {t('regionAdmin.confirmDeleteButton')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {isProblemError(remove.error) && remove.error.status === 412 ? (
        <StaleNotice onReload={() => void reload().then(() => remove.reset())} reloading={query.isFetching} />
      ) : (
        <ProblemAlert error={remove.error} focus />
      )}

      <section aria-labelledby="region-details">
        <h2 id="region-details">{t('common.details')}</h2>
        <dl className="details">
          <dt>{t('regionAdmin.kind')}</dt>
          <dd>{t(`regionKinds.${region.kind}`)}</dd>
          <dt>{t('regionAdmin.code')}</dt>
          <dd>{region.code}</dd>
          <dt>{t('regionAdmin.municipalityCount')}</dt>
          <dd data-testid="municipality-count">{region.municipalityCount ?? 0}</dd>
        </dl>
        <p>
          <Link to={areaPath('region', region.id)}>{t('regionAdmin.openDashboardOf', { name: region.name })}</Link>
        </p>
        {labourMarket && (
          <p>
            <Link to={servicePointPath(region.id)}>{t('inclusion.servicePoint.edit' as never, { region: region.name })}</Link>
          </p>
        )}
        {canSeeAudit(access) && (
          <p>
            <Link to={`/audit?entityType=region&entityId=${region.id}`}>{t('regionAdmin.auditTrail')}</Link>
          </p>
        )}
      </section>

      <MunicipalitiesSection
        region={region}
        etag={etag}
        members={members.data}
        loading={members.isPending}
        error={members.error}
        onReload={reload}
      />
    </>
  );
}

interface SectionProps {
  region: AnyRegion;
  etag: string | null;
  members: Municipality[] | undefined;
  loading: boolean;
  error: unknown;
  onReload: () => Promise<Municipality[] | undefined>;
}

function MunicipalitiesSection({ region, etag, members, loading, error, onReload }: SectionProps) {
  const { t } = useT('areas', 'complaints');
  const [editing, setEditing] = useState(false);
  const [selection, setSelection] = useState<number[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const save = useSetRegionMunicipalities(region.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const labourMarket = region.kind === 'labour-market';

  function start() {
    setSelection((members ?? []).map((m) => m.id));
    setStatus(null);
    setStale(false);
    save.reset();
    setEditing(true);
  }

  function stop() {
    setEditing(false);
    save.reset();
    setStale(false);
    heading.current?.focus();
  }

  async function onSave() {
    setStatus(null);
    setStale(false);
    try {
      await save.mutateAsync({ municipalityIds: selection, etag });
      setEditing(false);
      setStatus(t('regionAdmin.municipalitiesSaved', { count: selection.length }));
      heading.current?.focus();
    } catch (e) {
      if (isProblemError(e) && e.status === 412) setStale(true);
    }
  }

  async function reload() {
    setReloading(true);
    try {
      // Start again from what is saved now.
      const fresh = await onReload();
      setSelection((fresh ?? members ?? []).map((m) => m.id));
      save.reset();
    } finally {
      setReloading(false);
      setStale(false);
    }
  }

  const conflict = isMunicipalityConflict(save.error);

  return (
    <section aria-labelledby="region-municipalities">
      <div className="section-header">
        <h2 id="region-municipalities" tabIndex={-1} ref={heading}>
          {t('regionAdmin.municipalities')}
        </h2>
        {!labourMarket && !editing && members && (
          <button type="button" className="button" onClick={start}>
            {t('regionAdmin.editMunicipalities')}
          </button>
        )}
      </div>
      {labourMarket && <p className="alert area-note">{t('regionAdmin.labourMarketNote')}</p>}
      {status && (
        <div className="alert alert-success" role="status">
          {status}
        </div>
      )}
      {loading && <Loading />}
      <ProblemAlert error={error} />
      {editing ? (
        <div className="municipalities-editor" data-testid="municipalities-editor">
          {stale && <StaleNotice onReload={() => void reload()} reloading={reloading} />}
          {conflict ? <ConflictAlert error={save.error} /> : !stale && <ProblemAlert error={save.error} focus />}
          <MunicipalityPicker
            legend={t('regionAdmin.municipalitiesOf', { name: region.name })}
            selected={selection}
            onChange={setSelection}
            kind={region.kind}
            regionId={region.id}
            known={members}
            error={conflict ? t('regionAdmin.picker.conflict') : undefined}
          />
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void onSave()} disabled={save.isPending || stale}>
              {save.isPending ? t('common.saving') : t('regionAdmin.saveMunicipalities')}
            </button>
            <button type="button" className="button" onClick={stop}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        members &&
        (members.length === 0 ? (
          <p>{t('regionAdmin.noMunicipalities')}</p>
        ) : (
          <ul className="link-list municipality-list" data-testid="region-municipalities">
            {members.map((m) => (
              <li key={m.id}>
                <Link to={areaPath('municipality', m.id)}>{m.name}</Link> <span className="muted">{m.code}</span>
                {m.province && <span className="muted"> · {m.province}</span>}
                {m.endedOn && <span className="muted"> · {t('regionAdmin.ended')}</span>}
              </li>
            ))}
          </ul>
        ))
      )}
    </section>
  );
}
