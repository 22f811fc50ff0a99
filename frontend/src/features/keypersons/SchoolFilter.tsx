import { useId } from 'react';
import type { School } from '../../api/types';
import { useT } from '../../lib/i18n';

/** The school filter of a list's search form (uncontrolled, named `schoolId`); none for a single school. */
export function SchoolFilter({ schools, schoolId }: { schools: School[] | undefined; schoolId: number | undefined }) {
  const { t } = useT('keypersons');
  const id = useId();
  if (!schools || schools.length <= 1) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('registry.school')}</label>
      <select id={id} name="schoolId" defaultValue={schoolId ? String(schoolId) : ''}>
        <option value="">{t('common.all')}</option>
        {schools.map((s) => (
          <option key={s.id} value={String(s.id)}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
