import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { School } from '../../api/types';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormField } from '../../components/FormField';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { canEditSchoolRecords } from '../../lib/auth/permissions';
import { useRoleAssignments } from '../people/api';
import { languageName } from '../people/languages';
import { RegistryProblem } from '../../components/ProblemMessage';
import { SchoolPicker, useSchoolChoice } from '../../components/SchoolView';
import { useCreateListing, useDeleteListing, useListing, useListings, useUpdateListing } from './api';
import { LiveMessage } from './Notices';
import { oneOf, useFormErrors } from './forms';
import { useT } from '../../lib/i18n';
import { KeyPersonTabs } from './KeyPersonTabs';
import { PUBLIC_ROLES, type Listing } from './types';

/** Where the public finds a school's key persons (outside the login). */
export function publicPagePath(locationCode: string): string {
  return `/openbaar/scholen/${encodeURIComponent(locationCode)}/sleutelpersonen`;
}

/** Which key persons and contact points a school shows on its public page. */
export function ListingsPage() {
  const { t } = useT('keypersons');
  const { schoolId, school, schools, choose } = useSchoolChoice();
  useDocumentTitle(school ? `${t('keyPersons.listings.title')}: ${school.name}` : t('keyPersons.listings.title'));
  return (
    <>
      <KeyPersonTabs />
      <h1>
        {t('keyPersons.listings.title')}
        {school && (
          <>
            <span className="visually-hidden">: </span>
            <span className="title-school">{school.name}</span>
          </>
        )}
      </h1>
      <p className="lead">{t('keyPersons.listings.intro')}</p>
      {schools.isPending && <Loading />}
      {schools.isError && <ProblemAlert error={schools.error} onRetry={() => void schools.refetch()} />}
      {schools.data && <SchoolPicker schools={schools.data} schoolId={schoolId} onChoose={choose} />}
      {schools.data && schools.data.length === 0 && <p>{t('registry.noSchools')}</p>}
      {school && <SchoolListings key={school.id} school={school} />}
    </>
  );
}

function SchoolListings({ school }: { school: School }) {
  const { t, language } = useT('keypersons');
  const access = useAccess();
  const listings = useListings(school.id);
  const assignments = useRoleAssignments({ schoolId: school.id, active: true });
  const update = useUpdateListing();
  const remove = useDeleteListing();
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canEdit = canEditSchoolRecords(access, { boardId: school.boardId, schoolId: school.id });
  const items = listings.data ?? [];
  const listed = new Set(items.map((l) => l.roleAssignmentId));
  const candidates = (assignments.data ?? []).filter(
    (a) => (PUBLIC_ROLES as readonly string[]).includes(a.roleCode) && !listed.has(a.id),
  );
  const col = (key: 'position' | 'displayName' | 'person' | 'languages' | 'status' | 'actions') => t(`keyPersons.listings.columns.${key}`);
  const roleName = (code: string) => t(`keyPersons.listings.roles.${code === 'key-person' ? 'keyPerson' : 'contactPoint'}`);

  async function togglePublished(l: Listing) {
    await update.mutateAsync({ listingId: l.id, body: { published: !l.published }, etag: null });
    setMessage(l.published ? t('keyPersons.listings.unpublished', { name: l.displayName }) : t('keyPersons.listings.published', { name: l.displayName }));
  }
  async function onDelete(l: Listing) {
    await remove.mutateAsync({ listingId: l.id, etag: l.etag });
    setMessage(t('keyPersons.listings.deleted', { name: l.displayName }));
  }

  return (
    <>
      <p>
        <Link to={publicPagePath(school.locationCode)} className="button" data-testid="public-link">
          {t('keyPersons.listings.viewPublic')}
        </Link>{' '}
        <span className="muted">{t('keyPersons.listings.publicHint', { address: `${window.location.origin}${publicPagePath(school.locationCode)}` })}</span>
      </p>
      <LiveMessage message={message} />
      <RegistryProblem error={update.error ?? remove.error} focus />
      {listings.isPending && <Loading />}
      {listings.isError && <ProblemAlert error={listings.error} onRetry={() => void listings.refetch()} />}
      {listings.data && items.length === 0 && <p>{t('keyPersons.listings.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" role="region" aria-label={t('keyPersons.listings.title')} tabIndex={0}>
          <table className="stack-on-phone" data-testid="listings-table">
            <caption className="visually-hidden">{t('keyPersons.listings.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {col('position')}
                </th>
                <th scope="col">{col('displayName')}</th>
                <th scope="col">{col('person')}</th>
                <th scope="col">{col('languages')}</th>
                <th scope="col">{col('status')}</th>
                {canEdit && <th scope="col">{col('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((l) => (
                <tr key={l.id}>
                  <td data-label={col('position')} className="numeric">
                    {l.position}
                  </td>
                  <td data-label={col('displayName')}>{l.displayName}</td>
                  <td data-label={col('person')}>
                    {l.personName} ({roleName(l.roleCode)})
                  </td>
                  <td data-label={col('languages')}>
                    {l.languages.length > 0 ? l.languages.map((c) => languageName(c, language)).join(', ') : t('common.none')}
                  </td>
                  <td data-label={col('status')}>
                    {!l.active ? (
                      <span className="badge badge-inactive">{t('keyPersons.listings.roleEnded')}</span>
                    ) : l.published ? (
                      <span className="badge badge-active">
                        <span aria-hidden="true">✓ </span>
                        {t('keyPersons.listings.isPublished')}
                      </span>
                    ) : (
                      <span className="badge badge-inactive">{t('keyPersons.listings.notPublished')}</span>
                    )}
                  </td>
                  {canEdit && (
                    <td data-label={col('actions')} className="cell-actions">
                      <div className="actions">
                        <button type="button" className="button button-small" onClick={() => void togglePublished(l).catch(() => undefined)}>
                          {l.published ? t('keyPersons.listings.unpublish') : t('keyPersons.listings.publish')}
                          <span className="visually-hidden">: {l.displayName}</span>
                        </button>
                        <button type="button" className="button button-small" onClick={() => setEditing(l.id)}>
                          {t('common.edit')}
                          <span className="visually-hidden">: {l.displayName}</span>
                        </button>
                        <ConfirmAction
                          label={t('common.delete')}
                          accessibleLabel={t('keyPersons.listings.deleteLabel', { name: l.displayName })}
                          message={t('keyPersons.listings.confirmDelete', { name: l.displayName })}
                          confirmLabel={t('common.delete')}
                          onConfirm={() => onDelete(l)}
                        />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && editing !== null && (
        <EditListing
          key={editing}
          listingId={editing}
          onDone={(text) => {
            setEditing(null);
            setMessage(text);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {canEdit && editing === null && listings.data && (
        <ListingForm
          candidates={candidates.map((a) => ({ id: a.id, label: `${a.personName} (${roleName(a.roleCode)})`, name: a.personName }))}
          nextPosition={items.reduce((max, l) => Math.max(max, l.position + 1), 0)}
          onDone={setMessage}
        />
      )}
    </>
  );
}

function EditListing({ listingId, onDone, onCancel }: { listingId: number; onDone: (m: string) => void; onCancel: () => void }) {
  const query = useListing(listingId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ListingForm
      listing={query.data.data}
      etag={query.data.etag}
      candidates={[]}
      nextPosition={query.data.data.position}
      onDone={onDone}
      onCancel={onCancel}
      onReload={() => query.refetch()}
    />
  );
}

const FIELDS = ['roleAssignmentId', 'displayName', 'howToReach', 'introductionNl', 'introductionEn', 'position'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

function ListingForm({
  listing,
  etag = null,
  candidates,
  nextPosition,
  onDone,
  onCancel,
  onReload,
}: {
  listing?: Listing;
  etag?: string | null;
  candidates: { id: number; label: string; name: string }[];
  nextPosition: number;
  onDone: (m: string) => void;
  onCancel?: () => void;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useT('keypersons');
  const id = useId();
  const create = useCreateListing();
  const update = useUpdateListing();
  const blank = (): Record<Field, string> => ({
    roleAssignmentId: '',
    displayName: listing?.displayName ?? '',
    howToReach: listing?.howToReach ?? '',
    introductionNl: listing?.introductionNl ?? '',
    introductionEn: listing?.introductionEn ?? '',
    position: String(listing?.position ?? nextPosition),
  });
  const [values, setValues] = useState(blank);
  const [published, setPublished] = useState(listing?.published ?? true);
  const form = useFormErrors(oneOf(FIELDS), onReload);
  const { errors, stale } = form;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const saving = create.isPending || update.isPending;
  useEffect(() => {
    if (listing) headingRef.current?.focus();
  }, [listing]);

  function set(name: Field, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
  }
  function chooseAssignment(value: string) {
    const candidate = candidates.find((c) => String(c.id) === value);
    setValues((v) => ({ ...v, roleAssignmentId: value, displayName: v.displayName || (candidate?.name.split(' ')[0] ?? '') }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const found: Errors = {};
    if (!listing && !values.roleAssignmentId) found.roleAssignmentId = t('keyPersons.listings.errors.role');
    if (!values.displayName.trim()) found.displayName = t('common.fieldRequired');
    if (!/^\d{1,4}$/.test(values.position.trim())) found.position = t('keyPersons.listings.errors.position');
    if (!form.check(found)) return;
    const fields = {
      displayName: values.displayName.trim(),
      howToReach: values.howToReach.trim() || null,
      introductionNl: values.introductionNl.trim() || null,
      introductionEn: values.introductionEn.trim() || null,
      published,
      position: Number(values.position),
    };
    try {
      if (listing) {
        await update.mutateAsync({ listingId: listing.id, body: fields, etag });
        onDone(t('keyPersons.listings.saved', { name: fields.displayName }));
      } else {
        await create.mutateAsync({ ...fields, roleAssignmentId: Number(values.roleAssignmentId) });
        onDone(t('keyPersons.listings.created', { name: fields.displayName }));
        setValues({ ...blank(), displayName: '', position: String(Number(values.position) + 1) });
      }
    } catch (error) {
      form.fail(error);
    }
  }

  if (!listing && candidates.length === 0) {
    return <p className="muted">{t('keyPersons.listings.noCandidates')}</p>;
  }
  const text = (name: Field, label: string, hint?: string, multiline = false) => (
    <FormField label={label} error={errors[name]} hint={hint} required={name === 'displayName'}>
      {(a) =>
        multiline ? (
          <textarea {...a} name={name} rows={3} value={values[name]} onChange={(e) => set(name, e.target.value)} />
        ) : (
          <input {...a} name={name} value={values[name]} onChange={(e) => set(name, e.target.value)} />
        )
      }
    </FormField>
  );
  return (
    <form className="inline-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {listing ? t('keyPersons.listings.editTitle', { name: listing.displayName }) : t('keyPersons.listings.addTitle')}
      </h2>
      {form.problems}
      {!listing && (
        <FormField label={t('keyPersons.listings.role')} error={errors.roleAssignmentId} hint={t('keyPersons.listings.roleHint')} required>
          {(a) => (
            <select {...a} name="roleAssignmentId" value={values.roleAssignmentId} onChange={(e) => chooseAssignment(e.target.value)}>
              <option value="">{t('keyPersons.listings.chooseRole')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {text('displayName', t('keyPersons.listings.columns.displayName'), t('keyPersons.listings.displayNameHint'))}
      {text('howToReach', t('keyPersons.listings.howToReach'), t('keyPersons.listings.howToReachHint'))}
      {text('introductionNl', t('keyPersons.listings.introductionNl'), undefined, true)}
      {text('introductionEn', t('keyPersons.listings.introductionEn'), undefined, true)}
      <FormField label={t('keyPersons.listings.columns.position')} error={errors.position} hint={t('keyPersons.listings.positionHint')}>
        {(a) => <input {...a} name="position" inputMode="numeric" className="input-short" value={values.position} onChange={(e) => set('position', e.target.value)} />}
      </FormField>
      <div className="checkbox-field">
        <input id={`${id}-published`} type="checkbox" checked={published} onChange={(e) => setPublished(e.target.checked)} />
        <label htmlFor={`${id}-published`}>{t('keyPersons.listings.publishedLabel')}</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving || stale}>
          {saving ? t('common.saving') : listing ? t('common.save') : t('keyPersons.listings.add')}
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
