/**
 * A region's kind, code and name (and, when creating, its municipalities). Editing sends the changed
 * fields with If-Match; a stale edit (412) is explained and reloaded as on the other forms. A
 * labour-market region's code is CBS's: only its name changes.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isProblemError } from '../../api/client';
import { CREATABLE_REGION_KINDS, type AnyRegion, type CreatableRegionKind, type RegionUpdate } from '../../api/types';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { FormField } from '../../components/FormField';
import { RecordFormAlerts, SaveButton } from '../../components/RecordForm';
import { renameInvalidParams, str } from '../../lib/forms';
import { useRecordForm } from '../../lib/useRecordForm';
import { useCreateRegion, useUpdateRegion } from './api';
import { useT } from '../../lib/i18n';
import { MunicipalityPicker } from './MunicipalityPicker';
import { regionAdminPath, REGIONS_PATH } from './paths';

/** `regionCode`, not `code`: the API's errors on `code` are renamed, so that a region's duplicate code has its own text. */
type RegionValues = { kind: string; regionCode: string; name: string };

const renameField = (name: string) => (name === 'code' ? 'regionCode' : null);

function isCreatableKind(value: string): value is CreatableRegionKind {
  return (CREATABLE_REGION_KINDS as readonly string[]).includes(value);
}

/** The API's 409 "in another region of this kind", about the municipalities. */
export function isMunicipalityConflict(error: unknown): boolean {
  return (
    isProblemError(error) &&
    error.status === 409 &&
    (error.invalidParams.some((p) => p.name.replace(/^body\./, '').startsWith('municipalityIds')) || error.extensions.code === 'in-other-region')
  );
}

interface Props {
  region?: AnyRegion;
  etag?: string | null;
  onReload?: () => Promise<unknown>;
}

export function RegionForm({ region, etag = null, onReload }: Props) {
  const { t } = useT('areas', 'complaints');
  const navigate = useNavigate();
  const initial: RegionValues = { kind: str(region?.kind), regionCode: str(region?.code), name: str(region?.name) };
  const form = useRecordForm<RegionValues>({ initial, onReload });
  const { values, setValue, fieldErrors } = form;
  const [municipalityIds, setMunicipalityIds] = useState<number[]>([]);
  const create = useCreateRegion();
  const update = useUpdateRegion(region?.id ?? 0);
  const labourMarket = region?.kind === 'labour-market';

  function validate(): Partial<Record<keyof RegionValues, string>> {
    const errors: Partial<Record<keyof RegionValues, string>> = {};
    if (!region && !isCreatableKind(values.kind)) errors.kind = t('regionAdmin.errors.kindRequired');
    if (!labourMarket && !values.regionCode.trim()) errors.regionCode = t('common.fieldRequired');
    if (!values.name.trim()) errors.name = t('common.fieldRequired');
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await form.submit(
      async () => {
        try {
          if (region) {
            const changed = form.changed().filter((k) => k === 'name' || (k === 'regionCode' && !labourMarket));
            if (changed.length === 0) {
              navigate(regionAdminPath(region.id));
              return;
            }
            const body: RegionUpdate = {
              ...(changed.includes('name') ? { name: values.name.trim() } : {}),
              ...(changed.includes('regionCode') ? { code: values.regionCode.trim() } : {}),
            };
            await update.mutateAsync({ body, etag });
            navigate(regionAdminPath(region.id), { state: { flash: t('common.saved') } });
          } else if (isCreatableKind(values.kind)) {
            const created = await create.mutateAsync({
              kind: values.kind,
              code: values.regionCode.trim(),
              name: values.name.trim(),
              municipalityIds,
            });
            navigate(regionAdminPath(created.data.id), { state: { flash: t('regionAdmin.created') } });
          }
        } catch (error) {
          throw renameInvalidParams(error, renameField);
        }
      },
      { check: validate },
    );
  }

  const conflict = isMunicipalityConflict(form.formError);

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <RecordFormAlerts form={form} summary={conflict ? ConflictSummary : FormErrorSummary} />

      {region ? (
        <p>
          <strong>{t('regionAdmin.kind')}:</strong> {t(`regionKinds.${region.kind}`)}
        </p>
      ) : (
        <FormField label={t('regionAdmin.kind')} hint={t('regionAdmin.kindHint')} error={fieldErrors.kind} required>
          {(a) => (
            <select {...a} name="kind" value={values.kind} onChange={(e) => setValue('kind', e.target.value)}>
              <option value="">{t('regionAdmin.chooseKind')}</option>
              {CREATABLE_REGION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`regionKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField label={t('regionAdmin.name')} error={fieldErrors.name} required>
        {(a) => <input {...a} name="name" maxLength={120} value={values.name} onChange={(e) => setValue('name', e.target.value)} />}
      </FormField>
      {labourMarket ? (
        <p>
          <strong>{t('regionAdmin.code')}:</strong> {region?.code} <span className="muted">({t('regionAdmin.cbsCode')})</span>
        </p>
      ) : (
        <FormField label={t('regionAdmin.code')} hint={t('regionAdmin.codeHint')} error={fieldErrors.regionCode} required>
          {(a) => (
            <input
              {...a}
              name="code"
              maxLength={20}
              className="input-short"
              autoCapitalize="characters"
              spellCheck={false}
              value={values.regionCode}
              onChange={(e) => setValue('regionCode', e.target.value)}
            />
          )}
        </FormField>
      )}
      {!region && (
        <MunicipalityPicker
          legend={t('regionAdmin.municipalities')}
          selected={municipalityIds}
          onChange={setMunicipalityIds}
          kind={isCreatableKind(values.kind) ? values.kind : ''}
          error={conflict ? t('regionAdmin.picker.conflict') : undefined}
        />
      )}

      <div className="form-actions">
        <SaveButton form={form} label={region ? undefined : t('regionAdmin.createSubmit')} />
        <Link to={region ? regionAdminPath(region.id) : REGIONS_PATH} className="button">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

function ConflictSummary({ error }: { error: unknown }) {
  return <ConflictAlert error={error} />;
}

/** The API's refusal of a municipality in two regions of one kind: our rule in Dutch, then the API's own detail. */
export function ConflictAlert({ error }: { error: unknown }) {
  const { t } = useT('areas', 'complaints');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!isProblemError(error)) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} data-testid="region-conflict" ref={ref}>
      <p>
        <strong>{t('regionAdmin.inOtherRegion')}</strong>
      </p>
      {error.detail && <p lang="en">{error.detail}</p>}
    </div>
  );
}
