/**
 * "What needs my attention?" on the home page, per role: the gaps by severity with the three most
 * urgent (school and board staff), the agreements that expire or are due for review, the schools
 * side by side (board administrators), the allowance
 * warnings (whoever reads key persons' gaps), the open cases (confidential counsellors).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, must } from '../../api/client';
import { Loading } from '../../components/Loading';
import { useAccess } from '../../lib/auth/AuthProvider';
import { adminBoardIds, canSeeRegistry, isConfidentialCounsellor } from '../../lib/auth/permissions';
import { useGaps } from '../gaps/api';
import { gapLink, gapText, gapTitle } from '../gaps/gapText';
import { SeverityBadge } from '../gaps/SeverityBadge';
import { useT } from '../../lib/i18n';
import { useRoleName } from '../../lib/scope';
import type { Gap } from '../../api/registryTypes';

const ALLOWANCE_KINDS = new Set(['allowance-near-limit', 'allowance-limit-exceeded']);
const AGREEMENT_KINDS = new Set(['expiring', 'expired', 'review-overdue']);
const ORDER = { error: 0, warning: 1, info: 2 } as const;

function useOpenCases(enabled: boolean) {
  return useQuery({
    queryKey: ['confidential-cases', 'open-count'],
    queryFn: async () => must(await api.GET('/confidential-cases', { params: { query: { status: 'open', pageSize: 1 } } })).total,
    enabled,
  });
}

function GapLine({ gap }: { gap: Gap }) {
  const { t, i18n } = useT();
  const roleName = useRoleName();
  const link = gapLink(gap);
  const text = gapText(gap, t, { roleName: roleName.byCode, language: i18n.resolvedLanguage ?? i18n.language });
  return (
    <li data-kind={gap.kind}>
      <SeverityBadge severity={gap.severity} /> <strong>{gapTitle(gap, t)}</strong>
      {gap.schoolName && <span className="muted"> · {gap.schoolName}</span>}
      <br />
      {link ? <Link to={link}>{text}</Link> : text}
    </li>
  );
}

export function Attention() {
  const { t } = useTranslation();
  const access = useAccess();
  const readsGaps = canSeeRegistry(access);
  const managed = adminBoardIds(access);
  const counsellor = isConfidentialCounsellor(access);
  const gaps = useGaps({ page: 1, pageSize: 100 }, readsGaps);
  const cases = useOpenCases(counsellor);
  if (!readsGaps && !counsellor) return null;

  const items = [...(gaps.data?.items ?? [])].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const urgent = items.slice(0, 3);
  const allowance = items.filter((g) => ALLOWANCE_KINDS.has(g.kind));
  const agreements = items.filter((g) => AGREEMENT_KINDS.has(g.kind));
  const counts = gaps.data?.counts;
  // the schools side by side: per school its urgent gaps and warnings (board administrators)
  const perSchool = new Map<string, { error: number; warning: number; schoolId: number | null }>();
  if (managed.length > 0) {
    for (const g of items) {
      const name = g.schoolName ?? t('home.attention.boardWide');
      const row = perSchool.get(name) ?? { error: 0, warning: 0, schoolId: g.schoolId ?? null };
      if (g.severity === 'error') row.error += 1;
      if (g.severity === 'warning') row.warning += 1;
      perSchool.set(name, row);
    }
  }

  return (
    <section aria-labelledby="home-attention" data-testid="attention">
      <h2 id="home-attention">{t('home.attention.title')}</h2>
      {readsGaps && gaps.isPending && <Loading />}
      {readsGaps && counts && (
        <>
          <p data-testid="attention-counts">
            {t('home.attention.counts', { error: counts.error ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 })}{' '}
            <Link to="/gaps">{t('home.attention.allGaps')}</Link>
          </p>
          {urgent.length === 0 ? (
            <p>{t('home.attention.nothing')}</p>
          ) : (
            <>
              <h3>{t('home.attention.mostUrgent')}</h3>
              <ul className="plain-list attention-list" data-testid="attention-urgent">
                {urgent.map((g, i) => (
                  <GapLine key={`${g.kind}-${g.subject.id}-${i}`} gap={g} />
                ))}
              </ul>
            </>
          )}
          {agreements.length > 0 && (
            <>
              <h3>{t('home.attention.agreements')}</h3>
              <ul className="plain-list attention-list" data-testid="attention-agreements">
                {agreements.slice(0, 5).map((g, i) => (
                  <GapLine key={`${g.kind}-${g.subject.id}-${i}`} gap={g} />
                ))}
              </ul>
            </>
          )}
          {allowance.length > 0 && (
            <>
              <h3>{t('home.attention.allowances')}</h3>
              <ul className="plain-list attention-list" data-testid="attention-allowances">
                {allowance.slice(0, 5).map((g, i) => (
                  <GapLine key={`${g.kind}-${g.subject.id}-${i}`} gap={g} />
                ))}
              </ul>
            </>
          )}
          {perSchool.size > 0 && (
            <div className="table-wrap" role="region" aria-label={t('home.attention.schools')} tabIndex={0}>
              <table data-testid="attention-schools">
                <caption>{t('home.attention.schools')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('home.attention.school')}</th>
                    <th scope="col" className="numeric">{t('home.attention.urgent')}</th>
                    <th scope="col" className="numeric">{t('home.attention.warnings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...perSchool.entries()]
                    .sort((a, b) => b[1].error - a[1].error || b[1].warning - a[1].warning || a[0].localeCompare(b[0]))
                    .map(([name, row]) => (
                      <tr key={name}>
                        <th scope="row">
                          {row.schoolId ? <Link to={`/gaps?schoolId=${row.schoolId}`}>{name}</Link> : name}
                        </th>
                        <td className="numeric">{row.error}</td>
                        <td className="numeric">{row.warning}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {counsellor && cases.data !== undefined && (
        <p data-testid="attention-cases">
          {t('home.attention.openCases', { count: cases.data })} <Link to="/confidential-cases">{t('home.attention.toCases')}</Link>
        </p>
      )}
    </section>
  );
}
