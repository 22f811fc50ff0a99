import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The boards to choose from (the caller's own); nothing is shown while they load. */
  boards: readonly { id: number; name: string }[] | undefined;
  /** The board chosen now (from the URL). */
  value: number | undefined;
  label: string;
  /** Shown only when there is a choice to make (more than one board). */
  onlyForChoice?: boolean;
}

/** The board filter of a list page's search form: a `boardId` select with "all" first. */
export function BoardFilter({ boards, value, label, onlyForChoice = false }: Props) {
  const { t } = useTranslation();
  const id = useId();
  if (!boards || boards.length <= (onlyForChoice ? 1 : 0)) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="boardId" defaultValue={value ? String(value) : ''}>
        <option value="">{t('common.all')}</option>
        {boards.map((b) => (
          <option key={b.id} value={String(b.id)}>
            {b.name}
          </option>
        ))}
      </select>
    </div>
  );
}
