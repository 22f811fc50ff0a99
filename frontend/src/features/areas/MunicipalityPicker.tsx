/**
 * A searchable multiple choice over the municipalities of today (342 in 2026): the chosen ones as a
 * list with a "remove" button each, a search field, and the matching municipalities as checkboxes.
 * A municipality that already lies in another region of the same kind says so (the API refuses it
 * with 409; the hint helps before saving).
 */
import { useId, useMemo, useState } from 'react';
import type { Municipality, RegionKind } from '../../api/types';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { foldForSearch as fold } from '../../lib/format';
import { useCurrentMunicipalities } from '../../lib/reference';
import { useT } from '../../lib/i18n';

interface Props {
  legend: string;
  selected: readonly number[];
  onChange: (ids: number[]) => void;
  /** The region's kind: municipalities in another region of this kind are marked. */
  kind: RegionKind | '';
  /** The region being edited (its own municipalities are not "in another region"). */
  regionId?: number;
  /** Municipalities already chosen that may not be in today's list (merged since), to name them. */
  known?: readonly Municipality[];
  error?: string;
  hint?: string;
}

export function MunicipalityPicker({ legend, selected, onChange, kind, regionId, known = [], error, hint }: Props) {
  const { t } = useT('areas', 'complaints');
  const id = useId();
  const [filter, setFilter] = useState('');
  const list = useCurrentMunicipalities();
  const all = list.data;

  const byId = useMemo(() => {
    const map = new Map<number, Municipality>();
    for (const m of known) map.set(m.id, m);
    for (const m of all ?? []) map.set(m.id, m);
    return map;
  }, [all, known]);

  const chosen = selected
    .map((i) => byId.get(i) ?? null)
    .filter((m): m is Municipality => m !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
  const unnamed = selected.filter((i) => !byId.has(i));
  const wanted = fold(filter.trim());
  const matches = (all ?? []).filter((m) => !wanted || fold(m.name).includes(wanted) || fold(m.code).includes(wanted));

  function otherRegion(m: Municipality): string | null {
    if (!kind) return null;
    const other = (m.regions ?? []).find((r) => r.kind === kind && r.id !== regionId);
    return other ? other.name : null;
  }

  function toggle(municipalityId: number, on: boolean) {
    const next = on ? [...selected, municipalityId] : selected.filter((i) => i !== municipalityId);
    onChange([...new Set(next)]);
  }

  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');

  return (
    <fieldset className={error ? 'municipality-picker field-invalid' : 'municipality-picker'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <p className="field-hint" id={hintId}>
        {hint ?? t('regionAdmin.picker.hint')}
      </p>
      {error && (
        <p className="field-error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}

      <p className="picker-chosen-title" id={`${id}-chosen`}>
        <strong>{t('regionAdmin.picker.chosen', { count: selected.length })}</strong>
      </p>
      {selected.length === 0 ? (
        <p className="muted">{t('regionAdmin.picker.noneChosen')}</p>
      ) : (
        <ul className="picker-chips" aria-labelledby={`${id}-chosen`} data-testid="chosen-municipalities">
          {chosen.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              <button
                type="button"
                className="button button-small chip-remove"
                aria-label={t('regionAdmin.picker.remove', { name: m.name })}
                onClick={() => toggle(m.id, false)}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
          {unnamed.map((i) => (
            <li key={i}>
              <span>{t('regionAdmin.picker.unknown', { id: i })}</span>
              <button
                type="button"
                className="button button-small chip-remove"
                aria-label={t('regionAdmin.picker.remove', { name: i })}
                onClick={() => toggle(i, false)}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="field picker-search">
        <label htmlFor={`${id}-search`}>{t('regionAdmin.picker.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-describedby={`${id}-matches`}
          // Enter narrows the list; it does not submit the form.
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        />
      </div>
      {list.isPending && <Loading />}
      <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />
      {all && (
        <>
          <p className="muted" id={`${id}-matches`} aria-live="polite">
            {t('regionAdmin.picker.matches', { count: matches.length })}
          </p>
          {matches.length > 0 && (
            <div className="picker-options" role="group" aria-label={t('regionAdmin.picker.options')}>
              <ul>
                {matches.map((m) => {
                  const other = otherRegion(m);
                  const boxId = `${id}-m${m.id}`;
                  return (
                    <li key={m.id} className="checkbox-field">
                      <input
                        id={boxId}
                        type="checkbox"
                        value={m.id}
                        checked={selected.includes(m.id)}
                        onChange={(e) => toggle(m.id, e.target.checked)}
                        aria-describedby={other ? `${boxId}-other` : undefined}
                      />
                      <label htmlFor={boxId}>{m.name}</label>
                      {other && (
                        <span className="field-hint" id={`${boxId}-other`}>
                          {t('regionAdmin.picker.inOther', { name: other })}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
