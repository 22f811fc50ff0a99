/**
 * The gaps of key persons and the volunteer allowance in plain language (the gaps dashboard asks
 * here for the kinds it does not know itself). Null: not a key-person gap.
 */
import type { Gap } from '../../api/registryTypes';
import { formatMoney } from '../../lib/money';
import type { RT } from '../../lib/i18n';
import { periodLabel } from './format';
import { type Translate } from '../../lib/i18n';
import { LIMITS } from './types';

export const KEY_PERSON_GAP_KINDS = [
  'allowance-rules-missing',
  'allowance-near-limit',
  'allowance-limit-exceeded',
  'key-person-without-supervisor',
] as const;
type Kind = (typeof KEY_PERSON_GAP_KINDS)[number];

function kindOf(gap: Gap): Kind | null {
  return (KEY_PERSON_GAP_KINDS as readonly string[]).includes(gap.kind) ? (gap.kind as Kind) : null;
}

const TITLE_KEYS = {
  'allowance-rules-missing': 'keyPersons.gaps.rulesMissing.title',
  'allowance-near-limit': 'keyPersons.gaps.nearLimit.title',
  'allowance-limit-exceeded': 'keyPersons.gaps.limitExceeded.title',
  'key-person-without-supervisor': 'keyPersons.gaps.withoutSupervisor.title',
} as const;

const isLimit = (value: string): value is (typeof LIMITS)[number] => (LIMITS as readonly string[]).includes(value);

/** The person of a subject named "Murat Yılmaz (Key person)". */
function person(gap: Gap): string {
  return /^(.*?)\s*\([^()]*\)$/.exec(gap.subject.name)?.[1] || gap.subject.name;
}

export function keyPersonGapTitle(gap: Gap, translate: RT): string | null {
  const kind = kindOf(gap);
  return kind ? (translate as unknown as Translate<'keypersons'>)(TITLE_KEYS[kind]) : null;
}

export function keyPersonGapText(gap: Gap, translate: RT, language: string): string | null {
  const t = translate as unknown as Translate<'keypersons'>;
  const details = gap.details as Record<string, string | undefined>;
  // An amount the API wrote as text ("190.00"); anything else is shown as it is.
  const money = (value: string | undefined) => formatMoney(value, language);
  switch (kindOf(gap)) {
    case 'allowance-rules-missing':
      return t('keyPersons.gaps.rulesMissing.text', { year: details.year ?? gap.subject.name });
    case 'allowance-near-limit':
      return t('keyPersons.gaps.nearLimit.text', {
        person: gap.subject.name,
        actual: money(details.actual),
        maximum: money(details.maximum),
        period: periodLabel(details.period, language),
      });
    case 'allowance-limit-exceeded': {
      const limits = (details.limits ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => (isLimit(l) ? t(`keyPersons.gaps.limitNames.${l}`) : t('keyPersons.gaps.limitNames.marked')));
      return t('keyPersons.gaps.limitExceeded.text', { person: gap.subject.name, year: details.year ?? '', limits: limits.join(', ') });
    }
    case 'key-person-without-supervisor':
      return gap.subject.type === 'volunteer-agreement'
        ? t('keyPersons.gaps.withoutSupervisor.text', { person: gap.subject.name })
        : t('keyPersons.gaps.withoutSupervisor.textSchool', { person: person(gap), school: gap.schoolName ?? '' });
    default:
      return null;
  }
}

/** The agreement, or the rules page for missing maxima. */
export function keyPersonGapLink(gap: Gap): string | null {
  switch (gap.subject.type) {
    case 'volunteer-agreement':
      return `/key-persons/agreements/${gap.subject.id}`;
    case 'allowance-rules':
      return '/key-persons/rules';
    default:
      return null;
  }
}

export function keyPersonGapLinkText(gap: Gap, translate: RT): string | null {
  const t = translate as unknown as Translate<'keypersons'>;
  switch (gap.subject.type) {
    case 'volunteer-agreement':
      return t('keyPersons.gaps.links.agreement', { name: gap.subject.name });
    case 'allowance-rules':
      return t('keyPersons.gaps.links.rules');
    default:
      return null;
  }
}
