/**
 * The external bodies (Veilig Thuis, the confidential inspectors, ...: the platform administrator
 * keeps their contact details) and a board's complaints procedure (committee and link: the board's
 * administrators).
 */
import { useState, type FormEvent } from 'react';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { StaleNotice } from '../../components/StaleNotice';
import { externalHref } from '../../lib/format';
import { str, textOrNull, useFormState, type FormValues } from '../../lib/forms';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditBoard } from '../../lib/auth/permissions';
import { LiveMessage } from '../../components/LiveMessage';
import { RegistryFormError } from '../../components/ProblemMessage';
import { useComplaintSettings, useExternalBodies, useUpdateComplaintSettings, useUpdateExternalBody } from './api';
import { pick, useT } from '../../lib/i18n';
import { ComplaintsTabs } from './nav';
import type { ComplaintSettingsUpdate, ExternalBody } from './types';
import './complaints.css';

/** A small form of text fields whose changed values are sent; the API's field errors show next to them. */
function TextFieldsForm<V extends FormValues>({
  initial,
  fields,
  onSave,
  onCancel,
  label,
}: {
  initial: V;
  fields: { name: keyof V & string; label: string; type?: string; multiline?: boolean; options?: { value: string; label: string }[] }[];
  onSave: (changes: Partial<Record<keyof V & string, string | null>>) => Promise<unknown>;
  onCancel?: () => void;
  label: string;
}) {
  const { t } = useT('complaints');
  const form = useFormState<V>(initial);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    form.clearErrors();
    const changes = Object.fromEntries(
      fields.filter((f) => (initial[f.name] ?? '') !== (form.values[f.name] ?? '')).map((f) => [f.name, textOrNull(form.values[f.name])]),
    ) as Partial<Record<keyof V & string, string | null>>;
    setSaving(true);
    try {
      await onSave(changes);
    } catch (error) {
      if (isProblemError(error) && error.status === 412) setStale(true);
      else form.applyError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      {stale && <StaleNotice onReload={() => onCancel?.()} reloading={false} />}
      <RegistryFormError error={form.formError} hasFieldErrors={Object.keys(form.fieldErrors).length > 0} />
      {fields.map((f) => (
        <FormField key={f.name} label={f.label} error={form.fieldErrors[f.name]}>
          {(a) =>
            f.options ? (
              <select {...a} name={f.name} value={form.values[f.name]} onChange={(e) => form.setValue(f.name, e.target.value)}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.multiline ? (
              <textarea {...a} name={f.name} rows={3} value={form.values[f.name]} onChange={(e) => form.setValue(f.name, e.target.value)} />
            ) : (
              <input {...a} name={f.name} type={f.type ?? 'text'} value={form.values[f.name]} onChange={(e) => form.setValue(f.name, e.target.value)} />
            )
          }
        </FormField>
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

type BodyValues = {
  nameNl: string;
  nameEn: string;
  phone: string;
  website: string;
  hoursNl: string;
  hoursEn: string;
  descriptionNl: string;
  descriptionEn: string;
};

function BodyItem({ body, mayEdit, onSaved }: { body: ExternalBody; mayEdit: boolean; onSaved: (name: string) => void }) {
  const { t, english } = useT('complaints');
  const [editing, setEditing] = useState(false);
  const update = useUpdateExternalBody(body.code);
  const name = pick(english, body.nameNl, body.nameEn);
  const hours = pick(english, body.hoursNl, body.hoursEn);
  const description = pick(english, body.descriptionNl, body.descriptionEn);
  return (
    <li className="body-item" data-code={body.code}>
      <h2>{name}</h2>
      {description && <p>{description}</p>}
      <dl className="details">
        <dt>{t('complaints.bodies.phone')}</dt>
        <dd>{body.phone ? <a href={`tel:${body.phone.replace(/[^\d+]/g, '')}`}>{body.phone}</a> : t('common.none')}</dd>
        <dt>{t('complaints.bodies.website')}</dt>
        <dd>
          {body.website ? (
            <a href={externalHref(body.website)} rel="noopener noreferrer">
              {body.website}
            </a>
          ) : (
            t('common.none')
          )}
        </dd>
        <dt>{english ? t('complaints.bodies.hoursEn') : t('complaints.bodies.hoursNl')}</dt>
        <dd>{hours || t('common.none')}</dd>
      </dl>
      {mayEdit && !editing && (
        <button type="button" className="button button-small" aria-label={t('complaints.bodies.editLabel', { name })} onClick={() => setEditing(true)}>
          {t('complaints.bodies.edit')}
        </button>
      )}
      {editing && (
        <TextFieldsForm<BodyValues>
          label={t('complaints.bodies.editLabel', { name })}
          initial={{
            nameNl: body.nameNl,
            nameEn: body.nameEn,
            phone: str(body.phone),
            website: str(body.website),
            hoursNl: str(body.hoursNl),
            hoursEn: str(body.hoursEn),
            descriptionNl: str(body.descriptionNl),
            descriptionEn: str(body.descriptionEn),
          }}
          fields={[
            { name: 'nameNl', label: t('complaints.bodies.nameNl') },
            { name: 'nameEn', label: t('complaints.bodies.nameEn') },
            { name: 'phone', label: t('complaints.bodies.phone'), type: 'tel' },
            { name: 'website', label: t('complaints.bodies.website'), type: 'url' },
            { name: 'hoursNl', label: t('complaints.bodies.hoursNl') },
            { name: 'hoursEn', label: t('complaints.bodies.hoursEn') },
            { name: 'descriptionNl', label: t('complaints.bodies.descriptionNl'), multiline: true },
            { name: 'descriptionEn', label: t('complaints.bodies.descriptionEn'), multiline: true },
          ]}
          onSave={async (changes) => {
            await update.mutateAsync(changes);
            setEditing(false);
            onSaved(name);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </li>
  );
}

export function ExternalBodiesPage() {
  const { t } = useT('complaints');
  const access = useAccess();
  const bodies = useExternalBodies();
  const [message, setMessage] = useState<string | null>(null);
  useDocumentTitle(t('complaints.bodies.title'));
  return (
    <>
      <ComplaintsTabs />
      <h1>{t('complaints.bodies.title')}</h1>
      <p className="lead">{t('complaints.bodies.intro')}</p>
      <LiveMessage message={message} />
      {bodies.isPending && <Loading />}
      {bodies.isError && <ProblemAlert error={bodies.error} onRetry={() => void bodies.refetch()} />}
      {bodies.data && (
        <ul className="body-list">
          {bodies.data.map((b) => (
            <BodyItem key={b.code} body={b} mayEdit={access.platformAdmin} onSaved={(name) => setMessage(t('complaints.bodies.saved', { name }))} />
          ))}
        </ul>
      )}
    </>
  );
}

type SettingsValues = { committee: string; procedureUrl: string; notes: string };

/** The board's complaints procedure, on the board's page; its administrators change it in place. */
export function ComplaintSettingsSection({ boardId }: { boardId: number }) {
  const { t } = useT('complaints');
  const access = useAccess();
  const settings = useComplaintSettings(boardId);
  const update = useUpdateComplaintSettings(boardId);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const mayEdit = canEditBoard(access, boardId);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ProblemAlert error={settings.error} />;
  const { data, etag } = settings.data;
  return (
    <section aria-labelledby="complaint-settings" className="complaint-settings">
      <h2 id="complaint-settings">{t('complaints.settings.title')}</h2>
      <LiveMessage message={message} />
      {!editing && (
        <>
          <dl className="details">
            <dt>{t('complaints.settings.committee')}</dt>
            <dd>{t(`complaints.settings.committees.${data.committee}`)}</dd>
            <dt>{t('complaints.settings.procedureUrl')}</dt>
            <dd>
              {data.procedureUrl ? (
                <a href={externalHref(data.procedureUrl)} rel="noopener noreferrer">
                  {data.procedureUrl}
                </a>
              ) : (
                t('complaints.settings.noProcedure')
              )}
            </dd>
            {data.notes && (
              <>
                <dt>{t('complaints.settings.notes')}</dt>
                <dd className="prewrap">{data.notes}</dd>
              </>
            )}
            <dt>{t('complaints.settings.externalCounsellors')}</dt>
            <dd>{data.externalCounsellors.length > 0 ? data.externalCounsellors.join(', ') : t('complaints.settings.noExternal')}</dd>
          </dl>
          <p className="field-hint">{t('complaints.settings.externalCounsellorsHint')}</p>
          {mayEdit && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('complaints.settings.edit')}
            </button>
          )}
        </>
      )}
      {editing && (
        <TextFieldsForm<SettingsValues>
          label={t('complaints.settings.edit')}
          initial={{ committee: data.committee, procedureUrl: str(data.procedureUrl), notes: str(data.notes) }}
          fields={[
            {
              name: 'committee',
              label: t('complaints.settings.committee'),
              options: [
                { value: 'lkc', label: t('complaints.settings.committees.lkc') },
                { value: 'gcbo', label: t('complaints.settings.committees.gcbo') },
              ],
            },
            { name: 'procedureUrl', label: t('complaints.settings.procedureUrl'), type: 'url' },
            { name: 'notes', label: t('complaints.settings.notes'), multiline: true },
          ]}
          onSave={async (changes) => {
            await update.mutateAsync({ body: changes as ComplaintSettingsUpdate, etag });
            setEditing(false);
            setMessage(t('complaints.settings.saved'));
          }}
          onCancel={() => {
            setEditing(false);
            void settings.refetch();
          }}
        />
      )}
    </section>
  );
}
