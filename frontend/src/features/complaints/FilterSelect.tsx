/** A labelled select of a filter form (read on submit), and the option lists the complaint pages share. */
import { currentYear } from '../../lib/clock';
import { AREAS, GROUPS } from './types';
import { type Translate } from '../../lib/i18n';

export interface Option {
  value: string;
  label: string;
}

interface Props {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  options: Option[];
  /** The text of an empty first option ("all"), if any. */
  empty?: string;
}

export function FilterSelect({ id, name, label, defaultValue, options, empty }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const areaOptions = (t: Translate<'complaints'>): Option[] => AREAS.map((a) => ({ value: a, label: t(`complaints.areas.${a}`) }));
export const groupOptions = (t: Translate<'complaints'>): Option[] => GROUPS.map((g) => ({ value: g, label: t(`complaints.groups.${g}`) }));

/** This year and the `count - 1` before it. */
export function yearOptions(count = 8): Option[] {
  const now = currentYear();
  return Array.from({ length: count }, (_, i) => String(now - i)).map((y) => ({ value: y, label: y }));
}
