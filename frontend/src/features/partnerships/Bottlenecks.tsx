import { useState, type FormEvent } from 'react';
import { isProblemError } from '../../api/client';
import { FormField } from '../../components/FormField';
import { fieldErrorMessage } from '../../lib/forms';
import { LiveMessage } from '../../components/LiveMessage';
import { RegistryProblem } from '../../components/ProblemMessage';
import { formatDate, today } from '../../lib/format';
import { asTFunction, useT } from '../../lib/i18n';
import { BOTTLENECK_KINDS, type Bottleneck, type Partnership } from '../../api/registryTypes';
import { useAddBottleneck, useResolveBottleneck } from './api';

/** The log of bottlenecks in the collaboration: what happened when, and whether it is resolved. */
export function Bottlenecks({ partnership, canEdit }: { partnership: Partnership; canEdit: boolean }) {
  const { t, i18n } = useT();
  const items = [...(partnership.bottlenecks ?? [])].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn));
  const resolve = useResolveBottleneck(partnership.id);
  const [message, setMessage] = useState<string | null>(null);

  async function toggle(item: Bottleneck) {
    if (resolve.isPending) return;
    try {
      await resolve.mutateAsync({ bottleneckId: item.id, resolved: !item.resolved });
      setMessage(item.resolved ? t('partnerships.bottleneckReopened') : t('partnerships.bottleneckResolved'));
    } catch {
      /* shown below */
    }
  }

  return (
    <section aria-labelledby="partnership-bottlenecks">
      <h2 id="partnership-bottlenecks">{t('partnerships.bottlenecks')}</h2>
      <p className="muted">{t('partnerships.bottlenecksIntro')}</p>
      <LiveMessage message={message} />
      <RegistryProblem error={resolve.error} focus />
      {items.length === 0 ? (
        <p>{t('partnerships.noBottlenecks')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t('partnerships.bottlenecks')} tabIndex={0}>
          <table className="stack-on-phone">
            <caption className="visually-hidden">{t('partnerships.bottlenecks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('partnerships.occurredOn')}</th>
                <th scope="col">{t('partnerships.bottleneckKind')}</th>
                <th scope="col">{t('partnerships.bottleneckNote')}</th>
                <th scope="col">{t('partnerships.bottleneckState')}</th>
                {canEdit && <th scope="col">{t('partnerships.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id} className={b.resolved ? 'row-resolved' : undefined}>
                  <td data-label={t('partnerships.occurredOn')}>{formatDate(b.occurredOn, i18n.language)}</td>
                  <td data-label={t('partnerships.bottleneckKind')}>{t(`partnerships.bottleneckKinds.${b.kind}`)}</td>
                  <td data-label={t('partnerships.bottleneckNote')} className="prewrap">
                    {b.note || t('common.none')}
                  </td>
                  <td data-label={t('partnerships.bottleneckState')}>
                    {b.resolved ? (
                      <span className="badge badge-resolved">
                        <span aria-hidden="true">✓ </span>
                        {t('partnerships.resolved')}
                      </span>
                    ) : (
                      <span className="badge badge-open">{t('partnerships.open')}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td data-label={t('partnerships.actions')}>
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => void toggle(b)}
                      >
                        {b.resolved ? t('partnerships.reopen') : t('partnerships.markResolved')}
                        <span className="visually-hidden">
                          : {t(`partnerships.bottleneckKinds.${b.kind}`)}, {formatDate(b.occurredOn, i18n.language)}
                        </span>
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddBottleneckForm partnership={partnership} onAdded={() => setMessage(t('partnerships.bottleneckAdded'))} />}
    </section>
  );
}

type Errors = Partial<Record<'kind' | 'occurredOn' | 'note', string>>;

function AddBottleneckForm({ partnership, onAdded }: { partnership: Partnership; onAdded: () => void }) {
  const { t, i18n } = useT();
  const add = useAddBottleneck(partnership.id);
  const [kind, setKind] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    setFormError(null);
    const found: Errors = {};
    if (!kind) found.kind = t('partnerships.errors.kindRequired');
    if (!occurredOn) found.occurredOn = t('common.fieldRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await add.mutateAsync({
        kind: kind as Bottleneck['kind'],
        occurredOn,
        note: note.trim() || null,
      });
      setKind('');
      setNote('');
      setOccurredOn(today());
      onAdded();
    } catch (error) {
      const mapped: Errors = {};
      if (isProblemError(error)) {
        for (const p of error.invalidParams) {
          const name = p.name.replace(/^body\./, '');
          if (name === 'kind' || name === 'occurredOn' || name === 'note') mapped[name] = fieldErrorMessage({ ...p, name }, asTFunction(t), i18n);
        }
      }
      setErrors(mapped);
      if (Object.keys(mapped).length === 0) setFormError(error);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-bottleneck-title">
      <h3 id="add-bottleneck-title">{t('partnerships.addBottleneck')}</h3>
      <RegistryProblem error={formError} focus />
      <div className="field-row">
        <FormField label={t('partnerships.bottleneckKind')} error={errors.kind} required>
          {(a) => (
            <select {...a} name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">{t('partnerships.chooseKind')}</option>
              {BOTTLENECK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`partnerships.bottleneckKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('partnerships.occurredOn')} error={errors.occurredOn} required>
          {(a) => (
            <input {...a} type="date" name="occurredOn" className="input-date" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />
          )}
        </FormField>
      </div>
      <FormField label={t('partnerships.bottleneckNote')} error={errors.note}>
        {(a) => <textarea {...a} name="note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <button type="submit" className="button button-primary">
        {add.isPending ? t('common.saving') : t('partnerships.addBottleneckSubmit')}
      </button>
    </form>
  );
}
