/**
 * A colleague picker that searches (issue 16, item 5): type part of a name or e-mail address, and
 * choose from the people of the board, each shown with the roles they hold today and where, so two
 * colleagues with the same name are told apart. The WAI-ARIA combobox pattern (a text box with a
 * list box): arrow keys move through the options, Enter chooses, Escape closes.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { paths } from '../api/schema';
import { FormField } from './FormField';

export type PickerPerson = paths['/people']['get']['responses']['200']['content']['application/json']['items'][number];
type Person = PickerPerson;

export interface PickedPerson {
  id: number;
  name: string;
}

interface Props {
  label: string;
  /** The chosen person, or null. */
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  /** Only people of this board. */
  boardId?: number | undefined;
  /** Not offered (e.g. who already is a contact). */
  exclude?: ReadonlySet<number>;
  /** Only people for whom this holds (e.g. no external contacts). */
  accept?: (person: Person) => boolean;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  name?: string;
}

const SEARCH_DELAY_MS = 200;

/** What a person does today, in a few words: "Intern begeleider, OBS De Spil". */
export function roleSummary(person: Pick<Person, 'currentRoles'>, none: string): string {
  const roles = person.currentRoles ?? [];
  if (roles.length === 0) return none;
  const shown = roles.slice(0, 2).map((r) => [r.roleName, r.partnerName ?? r.schoolName].filter(Boolean).join(', '));
  return roles.length > 2 ? `${shown.join('; ')} (+${roles.length - 2})` : shown.join('; ');
}

function useDelayed(value: string): string {
  const [delayed, setDelayed] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDelayed(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return delayed;
}

export function PersonPicker({ label, value, onChange, boardId, exclude, accept, error, hint, required = false, name }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [text, setText] = useState(value?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDelayed(text.trim());
  const searching = open && (value === null || text !== value.name);

  useEffect(() => setText(value?.name ?? ''), [value]);

  const results = useQuery({
    queryKey: ['people', 'picker', boardId ?? null, q],
    queryFn: async () =>
      must(
        await api.GET('/people', {
          params: { query: { q: q || undefined, boardId, pageSize: 10, sort: 'name' } },
        }),
      ),
    enabled: searching,
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  });
  const options = (results.data?.items ?? []).filter((p) => !exclude?.has(p.id) && !p.erasedOn && (accept?.(p) ?? true));
  const expanded = searching && options.length > 0;

  const choose = (person: Person) => {
    onChange({ id: person.id, name: person.name });
    setText(person.name);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + options.length) % options.length);
      }
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      const person = options[Math.min(active, options.length - 1)];
      if (person) choose(person);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  const status = !searching
    ? ''
    : results.isFetching && options.length === 0
      ? t('personPicker.searching')
      : options.length === 0 && results.isSuccess
        ? t('personPicker.noResults')
        : t('personPicker.results', { count: options.length });

  return (
    <FormField label={label} error={error} hint={hint ?? t('personPicker.hint')} required={required}>
      {(a11y) => (
        <div className="person-picker">
          <input
            {...a11y}
            name={name}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-controls={listId}
            aria-expanded={expanded}
            aria-activedescendant={expanded ? optionId(Math.min(active, options.length - 1)) : undefined}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
              setOpen(true);
              if (value !== null) onChange(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => window.setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" aria-label={label} className="person-picker-options" hidden={!expanded}>
            {options.map((person, i) => (
              <li
                key={person.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'person-picker-option is-active' : 'person-picker-option'}
                // mousedown, not click: the text box must not lose the choice to its blur
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(person);
                }}
              >
                <span className="person-picker-name">{person.name}</span>
                <span className="person-picker-roles">{roleSummary(person, t('personPicker.noRole'))}</span>
              </li>
            ))}
          </ul>
          <p className="visually-hidden" role="status" aria-live="polite">
            {status}
          </p>
          {searching && !expanded && status && <p className="field-hint">{status}</p>}
        </div>
      )}
    </FormField>
  );
}
