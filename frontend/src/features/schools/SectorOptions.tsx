import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../api/types';

/** The `<option>`s of the four sectors (PO, SBO, SO, VO), named in the user's language. */
export function SectorOptions() {
  const { t } = useTranslation();
  return (
    <>
      {SECTORS.map((s) => (
        <option key={s} value={s}>
          {t(`sectors.${s}`)}
        </option>
      ))}
    </>
  );
}
