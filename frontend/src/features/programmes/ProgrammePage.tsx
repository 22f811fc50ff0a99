/**
 * A regional programme (`/programmas/:programmeId`): its header (kind, region, lead board,
 * coordinator, period, funding, documents), the lines and their initiatives as a board to scan,
 * the member boards with the dates they joined and left, and the partnerships all members share.
 * Its keepers (`canEdit`) add lines and initiatives and record a member's leaving.
 */
import { Link, useParams } from 'react-router';
import { Flash } from '../../components/Flash';
import { Loading } from '../../components/Loading';
import { NotFoundPage } from '../../components/NotFoundPage';
import { ProblemAlert } from '../../components/ProblemAlert';
import { externalHref } from '../../lib/format';
import { isNotFound, parseId } from '../../lib/params';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useAccess } from '../../lib/auth/AuthProvider';
import { useInitiatives, useLines, useProgramme } from './api';
import { formatEuro, periodText } from './format';
import { useT } from '../../lib/i18n';
import { InitiativeForm, LineForm } from './KeeperForms';
import { LinesBoard } from './LinesBoard';
import { MembersSection } from './MembersSection';
import { PROGRAMMES_PATH } from './paths';
import { canSeeProgrammes } from './permissions';
import { SharedPartnershipsSection } from './SharedPartnershipsSection';
import type { Programme } from './types';
import './programmes.css';

export function ProgrammePage() {
  const { t } = useT('programmes');
  const access = useAccess();
  const programmeId = parseId(useParams().programmeId);
  const allowed = canSeeProgrammes(access);
  const query = useProgramme(allowed ? programmeId : Number.NaN);
  const programme = query.data?.data;
  const lines = useLines(programmeId, Boolean(programme));
  const initiatives = useInitiatives(programmeId, Boolean(programme));
  useDocumentTitle(programme?.name ?? t('programmes.title'));

  if (!allowed) {
    return (
      <>
        <h1>{t('programmes.title')}</h1>
        <ProblemAlert error={null} message={t('errors.forbidden')} />
      </>
    );
  }
  if (!Number.isFinite(programmeId) || isNotFound(query.error)) return <NotFoundPage />;
  if (query.isPending) return <Loading />;
  if (!programme) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;

  const keeper = programme.canEdit;
  return (
    <div className="programme-page">
      <p className="breadcrumb">
        <Link to={PROGRAMMES_PATH}>{t('programmes.header.back')}</Link>
      </p>
      <h1>{programme.name}</h1>
      <Flash />
      <ProgrammeHeader programme={programme} />
      <p className="muted">{keeper ? t('programmes.header.keeper') : t('programmes.header.reader')}</p>
      <section aria-labelledby="programme-lines" className="programme-section">
        <h2 id="programme-lines">{t('programmes.lines.title')}</h2>
        <p>{t('programmes.lines.intro')}</p>
        {(lines.isPending || initiatives.isPending) && <Loading />}
        {lines.isError && <ProblemAlert error={lines.error} onRetry={() => void lines.refetch()} />}
        {initiatives.isError && <ProblemAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />}
        {lines.data && initiatives.data && <LinesBoard programmeId={programme.id} lines={lines.data} initiatives={initiatives.data} />}
        {keeper && lines.data && (
          <div className="programme-keeper-forms">
            <LineForm programmeId={programme.id} lines={lines.data} />
            {lines.data.length > 0 && <InitiativeForm programme={programme} lines={lines.data} />}
          </div>
        )}
      </section>
      <MembersSection programme={programme} />
      <SharedPartnershipsSection programmeId={programme.id} />
    </div>
  );
}

function ProgrammeHeader({ programme: p }: { programme: Programme }) {
  const { t, language } = useT('programmes');
  const unknown = <span className="muted">{t('programmes.header.unknown')}</span>;
  const period = periodText(p.startsOn, p.endsOn, t, language);
  const fundingPeriod = periodText(p.fundingFrom, p.fundingTo, t, language);
  const funding = [p.fundingScheme, formatEuro(p.fundingAmount, language), fundingPeriod].filter(Boolean).join(', ');
  return (
    <>
      {p.description && <p className="prewrap">{p.description}</p>}
      <dl className="programme-header" data-testid="programme-header">
        <div>
          <dt>{t('programmes.header.kind')}</dt>
          <dd data-testid="programme-kind">{t(`programmes.kinds.${p.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('programmes.header.region')}</dt>
          <dd>{p.region?.name ?? unknown}</dd>
        </div>
        <div>
          <dt>{t('programmes.header.lead')}</dt>
          <dd data-testid="programme-lead">{p.leadBoard.name}</dd>
        </div>
        <div>
          <dt>{t('programmes.header.coordinator')}</dt>
          <dd>
            {p.coordinatorName ?? unknown}
            {p.coordinatorEmail && (
              <span className="figure-note">
                <a href={`mailto:${p.coordinatorEmail}`}>{p.coordinatorEmail}</a>
              </span>
            )}
            {p.coordinatorPhone && <span className="figure-note">{p.coordinatorPhone}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('programmes.header.period')}</dt>
          <dd>{period ?? unknown}</dd>
        </div>
        <div>
          <dt>{t('programmes.header.funding')}</dt>
          <dd>{funding || unknown}</dd>
        </div>
        <div>
          <dt>{t('programmes.header.documents')}</dt>
          <dd>
            {p.documents.length === 0 ? (
              <span className="muted">{t('programmes.header.noDocuments')}</span>
            ) : (
              <ul className="plain-list">
                {p.documents.map((d) => (
                  <li key={d.url}>
                    <a href={externalHref(d.url)} rel="noopener noreferrer" target="_blank">
                      {d.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
    </>
  );
}
