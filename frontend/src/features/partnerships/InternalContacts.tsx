import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isProblemError } from '../../api/client';
import { fieldErrorMessage } from '../../lib/forms';
import { PersonPicker, type PickedPerson } from '../../components/PersonPicker';
import { LiveMessage } from '../../components/LiveMessage';
import { RegistryProblem } from '../../components/ProblemMessage';
import { today } from '../../lib/format';
import { asTFunction, useT } from '../../lib/i18n';
import type { InternalContact, Partnership } from '../../api/registryTypes';
import { useAddContact, useEndContact } from './api';

/** The colleagues who are the partner's contact point, with adding and ending contacts. */
export function InternalContacts({ partnership, canEdit }: { partnership: Partnership; canEdit: boolean }) {
  const { t } = useT();
  const contacts = partnership.internalContacts ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const open = partnership.status === 'exploring' || partnership.status === 'active';

  return (
    <section aria-labelledby="partnership-internal">
      <h2 id="partnership-internal">{t('partnerships.internalContacts')}</h2>
      <p className="muted">{t('partnerships.internalContactsIntro')}</p>
      {open && contacts.length === 0 && (
        <p className="alert alert-error">
          <strong>{t('gaps.severity.error')}:</strong> {t('partnerships.noContactsWarning')}
        </p>
      )}
      {open && contacts.length === 1 && (
        <p className="alert alert-warning">
          <strong>{t('gaps.kinds.single-internal-contact.title')}:</strong> {t('partnerships.oneContactWarning')}
        </p>
      )}
      <LiveMessage message={message} />
      {contacts.length > 0 && (
        <ul className="contact-list" data-testid="internal-contacts">
          {contacts.map((c) => (
            <ContactItem key={c.assignmentId} contact={c} canEdit={canEdit} onEnded={(m) => setMessage(m)} />
          ))}
        </ul>
      )}
      {canEdit && <AddContactForm partnership={partnership} onAdded={(m) => setMessage(m)} />}
    </section>
  );
}

function ContactItem({ contact, canEdit, onEnded }: { contact: InternalContact; canEdit: boolean; onEnded: (message: string) => void }) {
  const { t } = useT();
  const id = useId();
  const [ending, setEnding] = useState(false);
  const [endsOn, setEndsOn] = useState(today());
  const end = useEndContact();
  const groupRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEnding = useRef(false);

  useEffect(() => {
    if (ending) groupRef.current?.querySelector('input')?.focus();
    else if (wasEnding.current) buttonRef.current?.focus();
    wasEnding.current = ending;
  }, [ending]);

  async function confirm() {
    if (end.isPending || !endsOn) return;
    try {
      await end.mutateAsync({ assignmentId: contact.assignmentId, endsOn, etag: contact.etag });
      onEnded(t('partnerships.contactEnded', { name: contact.personName }));
    } catch {
      /* shown below */
    }
  }

  return (
    <li className="contact-item">
      <div className="contact-name">
        <Link to={`/people/${contact.personId}`}>{contact.personName}</Link>
        {contact.isPrimary && <span className="badge badge-primary-contact">{t('partnerships.primaryContact')}</span>}
      </div>
      {canEdit && !ending && (
        <button
          type="button"
          className="button button-small"
          ref={buttonRef}
          onClick={() => setEnding(true)}
        >
          {t('partnerships.endContact')}
          <span className="visually-hidden">: {contact.personName}</span>
        </button>
      )}
      {canEdit && ending && (
        <div
          className="confirm-step"
          role="group"
          aria-labelledby={`${id}-q`}
          ref={groupRef}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEnding(false);
          }}
        >
          <p id={`${id}-q`}>{t('partnerships.endContactQuestion', { name: contact.personName })}</p>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('partnerships.endContactDate')}</label>
            <input id={`${id}-date`} type="date" className="input-date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="button button-danger button-small" onClick={() => void confirm()}>
              {t('partnerships.endContact')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEnding(false)}>
              {t('common.cancel')}
            </button>
          </div>
          <RegistryProblem error={end.error} focus />
        </div>
      )}
    </li>
  );
}

function AddContactForm({ partnership, onAdded }: { partnership: Partnership; onAdded: (message: string) => void }) {
  const { t, i18n } = useT();
  const contacts = partnership.internalContacts ?? [];
  const add = useAddContact(partnership.id);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [isPrimary, setIsPrimary] = useState(contacts.length === 0);
  const [error, setError] = useState<string | undefined>();
  const current = new Set(contacts.map((c) => c.personId));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    setError(undefined);
    if (!person) {
      setError(t('partnerships.errors.personRequired'));
      return;
    }
    try {
      const created = await add.mutateAsync({ personId: person.id, isPrimary });
      onAdded(t('partnerships.contactAdded', { name: created.personName }));
      setPerson(null);
      setIsPrimary(false);
    } catch (e) {
      if (isProblemError(e) && e.invalidParams[0]) setError(fieldErrorMessage(e.invalidParams[0], asTFunction(t), i18n));
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-contact-title">
      <h3 id="add-contact-title">{t('partnerships.addContact')}</h3>
      <PersonPicker
        label={t('partnerships.person')}
        name="personId"
        boardId={partnership.boardId}
        exclude={current}
        accept={(p) => p.kind !== 'external'}
        value={person}
        onChange={setPerson}
        error={error}
        required
      />
      <div className="checkbox-field">
        <input id="contact-primary" type="checkbox" checked={isPrimary} onChange={(e) => setIsPrimary(e.target.checked)} />
        <label htmlFor="contact-primary">{t('partnerships.primaryContactLabel')}</label>
      </div>
      {add.error && !(isProblemError(add.error) && add.error.invalidParams.length > 0) ? (
        <RegistryProblem error={add.error} focus />
      ) : null}
      {/* Not disabled while saving: that would drop the keyboard focus. */}
      <button type="submit" className="button button-primary">
        {add.isPending ? t('common.saving') : t('partnerships.addContactSubmit')}
      </button>
    </form>
  );
}
