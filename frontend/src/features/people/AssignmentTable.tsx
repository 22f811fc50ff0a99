import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format';
import { useT } from '../../lib/i18n';
import { useRoleName } from '../../lib/scope';
import type { RoleAssignment } from '../../api/registryTypes';

/** Hours as "2 uur per week" / "80 uur per jaar". */
export function useHoursText() {
  const { t, i18n } = useT();
  return (a: Pick<RoleAssignment, 'hoursPerWeek' | 'hoursPerYear'>) => {
    const parts: string[] = [];
    if (a.hoursPerWeek != null) parts.push(t('roleMatrix.hoursPerWeekValue', { hours: formatNumber(a.hoursPerWeek, i18n.language) }));
    if (a.hoursPerYear != null) parts.push(t('roleMatrix.hoursPerYearValue', { hours: formatNumber(a.hoursPerYear, i18n.language) }));
    return parts.join(', ');
  };
}

/** Role assignments: role, where, hours, period, active or ended. */
export function AssignmentTable({ items, caption, showPerson = false }: { items: RoleAssignment[]; caption: string; showPerson?: boolean }) {
  const { t, i18n } = useT();
  const roleName = useRoleName();
  const hours = useHoursText();
  const lang = i18n.language;
  const where = (a: RoleAssignment) =>
    a.partnerName
      ? t('people.forPartner', { partner: a.partnerName, school: a.schoolName ?? t('partnerships.boardWide') })
      : (a.schoolName ?? t('people.boardLevel'));
  const period = (a: RoleAssignment) => {
    if (a.startsOn && a.endsOn) return t('people.periodFromTo', { from: formatDate(a.startsOn, lang), to: formatDate(a.endsOn, lang) });
    if (a.startsOn) return t('people.periodFrom', { from: formatDate(a.startsOn, lang) });
    if (a.endsOn) return t('people.periodTo', { to: formatDate(a.endsOn, lang) });
    return t('common.none');
  };
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stack-on-phone">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showPerson && <th scope="col">{t('people.name')}</th>}
            <th scope="col">{t('people.role')}</th>
            <th scope="col">{t('people.where')}</th>
            <th scope="col">{t('people.hours')}</th>
            <th scope="col">{t('people.period')}</th>
            <th scope="col">{t('people.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id} className={a.active ? undefined : 'row-ended'}>
              {showPerson && (
                <td data-label={t('people.name')}>
                  <Link to={`/people/${a.personId}`}>{a.personName}</Link>
                </td>
              )}
              <td data-label={t('people.role')}>
                <Link to={`/role-assignments/${a.id}`}>{roleName.byCode(a.roleCode, a.roleName)}</Link>
                {a.isPrimary && a.partnershipId && <span className="muted"> ({t('partnerships.primaryContact')})</span>}
              </td>
              <td data-label={t('people.where')}>{where(a)}</td>
              <td data-label={t('people.hours')}>{hours(a) || t('common.none')}</td>
              <td data-label={t('people.period')}>{period(a)}</td>
              <td data-label={t('people.state')}>
                {a.active ? (
                  <span className="badge badge-active">{t('people.active')}</span>
                ) : (
                  <span className="badge badge-inactive">{t('people.ended')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
