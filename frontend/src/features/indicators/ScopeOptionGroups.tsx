/** A scope select's options, one group per kind (boards, schools, regions) in the given order. */
import type { ScopeOption } from './scopes';

export function ScopeOptionGroups({
  scopes,
  kinds,
  label,
}: {
  scopes: ScopeOption[];
  kinds: readonly ScopeOption['kind'][];
  label: (kind: ScopeOption['kind']) => string;
}) {
  return kinds.map((kind) => {
    const list = scopes.filter((s) => s.kind === kind);
    if (list.length === 0) return null;
    return (
      <optgroup key={kind} label={label(kind)}>
        {list.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </optgroup>
    );
  });
}
