import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types';
import type { Access } from '../../lib/auth/access';
import { useAccess } from '../../lib/auth/AuthProvider';
import { FormField } from '../../components/FormField';
import { foldForSearch as fold } from '../../lib/format';
import {
  grantableLevels,
  grantableRoles,
  isRole,
  keepScopeForRole,
  levelsForRole,
  scopeGroups,
  type MembershipIssue,
  type ScopeLists,
} from './roleScope';

export interface MembershipValues {
  role: string;
  scope: string;
}

interface Props {
  access: Access;
  values: MembershipValues;
  onChange: (values: MembershipValues) => void;
  errors: Partial<Record<keyof MembershipValues, string>>;
  lists: ScopeLists;
  loading: boolean;
  required?: boolean;
}

/** The levels as words: "bestuur", "bestuur of school". */
export function useLevelText() {
  const { t } = useTranslation();
  const { roleLevels } = useAccess();
  return (role: Role | '') => {
    const levels = levelsForRole(roleLevels, role).map((l) => t(`users.levels.${l}`));
    return levels.length <= 1 ? (levels[0] ?? '') : t('users.levelsOr', { first: levels.slice(0, -1).join(', '), last: levels.at(-1) });
  };
}

/** The message for a problem `checkMembership` found. */
export function membershipIssueText(issue: MembershipIssue, role: string, t: ReturnType<typeof useTranslation>['t']): string {
  if (issue === 'roleRequired') return t('users.errors.roleRequired');
  if (issue === 'scopeRequired') return t('users.errors.scopeRequired');
  return t('users.errors.wrongLevel', { role: isRole(role) ? t(`roles.${role}`) : role });
}

/** From this many places on (the 342 municipalities, the regions) the list gets a search field. */
export const SEARCH_FROM = 25;

/**
 * A role and where it applies. Only roles the user may give are offered, and only the scopes
 * that fit the chosen role; the rule is spelt out next to the fields.
 */
export function MembershipFields({ access, values, onChange, errors, lists, loading, required = true }: Props) {
  const { t } = useTranslation();
  const levelText = useLevelText();
  const roles = grantableRoles(access);
  const levels = grantableLevels(access);
  const role: Role | '' = isRole(values.role) ? values.role : '';
  const groups = scopeGroups(access.roleLevels, role, lists, levels);
  const [filter, setFilter] = useState('');
  const total = groups.reduce((n, g) => n + g.options.length, 0);
  const searchable = total >= SEARCH_FROM;
  const wanted = fold(filter.trim());
  const shown =
    searchable && wanted
      ? groups
          .map((g) => ({ ...g, options: g.options.filter((o) => o.value === values.scope || fold(o.label).includes(wanted)) }))
          .filter((g) => g.options.length > 0)
      : groups;
  const matches = shown.reduce((n, g) => n + g.options.length, 0);

  function changeRole(next: string) {
    setFilter('');
    const nextRole: Role | '' = isRole(next) ? next : '';
    let scope = keepScopeForRole(access.roleLevels, nextRole, values.scope);
    // Only one place this role can be given: choose it.
    const options = scopeGroups(access.roleLevels, nextRole, lists, levels).flatMap((g) => g.options);
    if (!scope && nextRole && options.length === 1) scope = options[0]!.value;
    onChange({ role: next, scope });
  }

  const scopeHint = role
    ? t('users.scopeHintRole', { role: t(`roles.${role}`), levels: levelText(role) })
    : t('users.scopeHintNoRole');

  return (
    <>
      <FormField
        label={t('users.role')}
        hint={access.platformAdmin ? t('users.roleRulePlatform') : t('users.roleRule')}
        error={errors.role}
        required={required}
      >
        {(a) => (
          <select {...a} name="role" value={values.role} onChange={(e) => changeRole(e.target.value)}>
            <option value="">{t('users.chooseRole')}</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t('users.roleOption', { role: t(`roles.${r}`), levels: levelText(r) })}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {searchable && (
        <div className="scope-search">
          <FormField label={t('users.scopeSearch')} hint={t('users.scopeSearchHint')}>
            {(a) => (
              <input
                {...a}
                type="search"
                name="scopeSearch"
                autoComplete="off"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                // Enter here narrows the list; it does not submit the form.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') e.preventDefault();
                }}
              />
            )}
          </FormField>
          <p className="muted scope-matches" aria-live="polite">
            {wanted ? t('users.scopeMatches', { count: matches }) : ''}
          </p>
        </div>
      )}
      <FormField label={t('users.scope')} hint={scopeHint} error={errors.scope} required={required}>
        {(a) => (
          <select {...a} name="scope" value={values.scope} onChange={(e) => onChange({ ...values, scope: e.target.value })}>
            <option value="">{loading ? t('app.loading') : t('users.chooseScope')}</option>
            {shown.map((group) => (
              <optgroup key={group.level} label={t(`scopeTypes.${group.level}`)}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
