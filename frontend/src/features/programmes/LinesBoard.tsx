/**
 * The lines and their initiatives as a board to scan: a column per line (stacked on a phone),
 * a card per initiative with its status in words and as a badge, the boards taking part and the
 * latest totals of its results. An ended initiative says why it ended.
 */
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import { formatPeriod, indicatorName, lineName } from './format';
import { useT } from '../../lib/i18n';
import { initiativePath } from './paths';
import { StatusBadge } from './StatusBadge';
import type { Initiative, Line, ResultTotal } from './types';

/** Per indicator, the total of its latest period (the headline of a card). */
export function headlineTotals(totals: ResultTotal[]): ResultTotal[] {
  const latest = new Map<string, ResultTotal>();
  for (const total of totals) {
    const seen = latest.get(total.indicator);
    if (!seen || total.period > seen.period) latest.set(total.indicator, total);
  }
  return [...latest.values()];
}

export function LinesBoard({ programmeId, lines, initiatives }: { programmeId: number; lines: Line[]; initiatives: Initiative[] }) {
  const { t, language } = useT('programmes');
  if (lines.length === 0) return <p>{t('programmes.lines.none')}</p>;
  const sorted = [...lines].sort((a, b) => a.position - b.position || a.id - b.id);
  return (
    <div className="lines-board" data-testid="lines-board">
      {sorted.map((line) => {
        const items = initiatives.filter((i) => i.lineId === line.id);
        const name = lineName(line, t, language);
        return (
          <section key={line.id} className="line-column" aria-labelledby={`line-${line.id}`} data-line={line.code ?? 'own'}>
            <h3 id={`line-${line.id}`}>
              {name}
              {!line.code && <span className="muted"> ({t('programmes.lines.own')})</span>}
            </h3>
            {line.description && <p className="muted">{line.description}</p>}
            {items.length === 0 ? (
              <p className="muted">{t('programmes.lines.noInitiatives')}</p>
            ) : (
              <ul className="initiative-cards">
                {items.map((i) => (
                  <InitiativeCard key={i.id} programmeId={programmeId} initiative={i} language={language} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function InitiativeCard({ programmeId, initiative: i, language }: { programmeId: number; initiative: Initiative; language: string }) {
  const { t } = useT('programmes');
  const headline = headlineTotals(i.totals);
  return (
    <li className={`initiative-card status-card-${i.status}`} data-testid="initiative-card" data-status={i.status}>
      <h4>
        <Link to={initiativePath(programmeId, i.id)}>{i.name}</Link>
      </h4>
      <p className="initiative-status">
        <StatusBadge status={i.status} /> <span data-testid="status-words">{t(`programmes.status.words.${i.status}`)}</span>
      </p>
      {i.status === 'ended' && i.endedReason && (
        <p className="ended-reason" data-testid="ended-reason">
          {t('programmes.status.endedReason', { reason: i.endedReason })}
        </p>
      )}
      <p className="initiative-boards">
        <span className="label">{t('programmes.lines.boards')}: </span>
        {i.participants.length > 0 ? i.participants.map((p) => p.boardName).join(', ') : t('programmes.lines.noBoards')}
      </p>
      <p className="initiative-results">
        <span className="label">{t('programmes.lines.results')}: </span>
        {headline.length === 0
          ? t('programmes.lines.noResults')
          : headline
              .map((h) =>
                t('programmes.lines.total', {
                  indicator: indicatorName(h, t, language),
                  period: formatPeriod(h.period),
                  total: formatNumber(h.total, language),
                }),
              )
              .join('; ')}
      </p>
    </li>
  );
}
