/**
 * An indicator's period, picked instead of typed (issue 16, item 5): a year and a month
 * (`2026-03`), a year and a quarter (`2026-Q1`), or a school year (`2025-2026`, 1 August to 31
 * July), in the API's format. The years on offer run from six years back to two ahead of the
 * product's date; an invalid value from the API marks the whole group.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentYear } from '../lib/clock';

export type Frequency = 'month' | 'quarter' | 'school-year';

interface Props {
  label: string;
  frequency: Frequency;
  value: string;
  onChange: (period: string) => void;
  error?: string | undefined;
  required?: boolean;
  /** The name of the API field, for the error summary's links. */
  name?: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** The years offered, newest first. */
export function offeredYears(now = currentYear()): number[] {
  return Array.from({ length: 9 }, (_, i) => now + 2 - i);
}

/** The parts of a period (year, and month or quarter), or empty strings for a value that does not fit. */
export function periodParts(frequency: Frequency, value: string): { year: string; part: string } {
  const pattern = frequency === 'month' ? MONTH : frequency === 'quarter' ? QUARTER : SCHOOL_YEAR;
  const match = pattern.exec(value);
  if (!match) return { year: '', part: '' };
  return { year: match[1]!, part: frequency === 'school-year' ? '' : match[2]! };
}

/** The period for the picked parts, or '' while one is missing. */
export function periodOf(frequency: Frequency, year: string, part: string): string {
  if (!year) return '';
  if (frequency === 'school-year') return `${year}-${Number(year) + 1}`;
  if (!part) return '';
  return frequency === 'month' ? `${year}-${part}` : `${year}-Q${part}`;
}

export function PeriodPicker({ label, frequency, value, onChange, error, required = false, name = 'period' }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  // A half-made choice (a month without a year yet) is kept here; the period goes out when whole.
  const [parts, setParts] = useState(() => periodParts(frequency, value));
  useEffect(() => {
    if (value) setParts(periodParts(frequency, value));
  }, [frequency, value]);
  const { year, part } = parts;
  const pick = (next: { year: string; part: string }) => {
    setParts(next);
    onChange(periodOf(frequency, next.year, next.part));
  };
  const years = offeredYears();
  if (year && !years.includes(Number(year))) years.push(Number(year));
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long' });
  const common = {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-describedby': errorId,
    'aria-required': required ? (true as const) : undefined,
  };

  return (
    <fieldset className={error ? 'field field-invalid period-picker' : 'field period-picker'} id={`field-${name}`}>
      <legend>
        {label}
        {required && <span className="required-mark"> ({t('common.required')})</span>}
      </legend>
      <div className="period-picker-parts">
        {frequency === 'school-year' ? (
          <label>
            <span className="visually-hidden">{t('periodPicker.schoolYear')}</span>
            <select {...common} name={name} value={year} onChange={(e) => pick({ year: e.target.value, part: '' })}>
              <option value="">{t('periodPicker.chooseSchoolYear')}</option>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}–{y + 1}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label>
              <span className="period-picker-label">{frequency === 'month' ? t('periodPicker.month') : t('periodPicker.quarter')}</span>
              <select {...common} name={`${name}-part`} value={part} onChange={(e) => pick({ year, part: e.target.value })}>
                <option value="">{t('periodPicker.choose')}</option>
                {frequency === 'month'
                  ? Array.from({ length: 12 }, (_, i) => {
                      const code = String(i + 1).padStart(2, '0');
                      return (
                        <option key={code} value={code}>
                          {monthName.format(new Date(Date.UTC(2000, i, 15)))}
                        </option>
                      );
                    })
                  : [1, 2, 3, 4].map((q) => (
                      <option key={q} value={String(q)}>
                        {t('periodPicker.quarterName', { number: q })}
                      </option>
                    ))}
              </select>
            </label>
            <label>
              <span className="period-picker-label">{t('periodPicker.year')}</span>
              <select {...common} name={`${name}-year`} value={year} onChange={(e) => pick({ year: e.target.value, part })}>
                <option value="">{t('periodPicker.choose')}</option>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
