/** On a partnership of a programme (`programmeId`): "Gedeeld via RAP Zuid-Kennemerland", with a link. */
import { Link } from 'react-router';
import { useProgramme } from './api';
import { useT } from '../../lib/i18n';
import { programmePath } from './paths';

export function SharedVia({ programmeId }: { programmeId: number }) {
  const { t } = useT('programmes');
  const query = useProgramme(programmeId);
  const name = query.data?.data.name;
  return (
    <p className="shared-via" data-testid="shared-via">
      {name ? (
        <>
          {t('programmes.partnerships.sharedVia', { programme: '' }).trim()} <Link to={programmePath(programmeId)}>{name}</Link>
        </>
      ) : (
        t('programmes.partnerships.sharedViaProgramme')
      )}
    </p>
  );
}
