/**
 * "Inclusief werkgeverschap" on the area dashboard (region and municipality contacts): in aggregate
 * which boards with schools in the area have a track, per phase, ambition against jobs realised,
 * the most named bottlenecks and the employer service point(s). Boards are named, people never.
 */
import { useId } from 'react';
import { BarChart } from '../areas/BarChart';
import { formatDate } from '../../lib/format';
import { formatJobs } from './format';
import { useT } from '../../lib/i18n';
import { ServicePointCard } from './ServicePointCard';
import { PHASES, type AreaInclusion } from './types';
import './inclusion.css';

export function AreaInclusionSection({ inclusion, areaName }: { inclusion: AreaInclusion; areaName: string }) {
  const { t, language } = useT('inclusion');
  const id = useId();
  const phases = PHASES.map((p) => ({ key: p, label: t(`inclusion.phases.names.${p}`), value: inclusion.byPhase[p] ?? 0 }));
  return (
    <section aria-labelledby={`${id}-title`} className="area-section area-inclusion" data-testid="area-inclusion">
      <h2 id={`${id}-title`}>{t('inclusion.area.title')}</h2>
      <p>{t('inclusion.area.intro', { name: areaName })}</p>
      <dl className="area-figures">
        <div>
          <dt>{t('inclusion.area.boardsWithTrack')}</dt>
          <dd data-testid="inclusion-boards-with-track">
            {t('inclusion.area.boardsOf', { count: inclusion.boardsWithTrack, total: inclusion.boardsTotal })}
          </dd>
        </div>
        <div>
          <dt>{t('inclusion.area.ambition')}</dt>
          <dd>{formatJobs(inclusion.ambitionInJobs, language)}</dd>
        </div>
        <div>
          <dt>{t('inclusion.area.realised', { name: areaName })}</dt>
          <dd data-testid="inclusion-jobs-realised">{formatJobs(inclusion.jobsRealised, language)}</dd>
        </div>
      </dl>

      <h3 id={`${id}-phases`}>{t('inclusion.area.byPhase')}</h3>
      <div className="chart-and-table">
        <BarChart bars={phases} testId="inclusion-phase-chart" label={t('inclusion.area.byPhaseChart', { name: areaName })} />
        <div className="table-wrap" role="region" aria-labelledby={`${id}-phases`} tabIndex={0}>
          <table data-testid="inclusion-phase-table">
            <caption className="visually-hidden">{t('inclusion.area.phaseCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inclusion.area.phase')}</th>
                <th scope="col" className="numeric">{t('inclusion.area.boards')}</th>
              </tr>
            </thead>
            <tbody>
              {phases.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.label}</th>
                  <td className="numeric">{p.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>

      <h3 id={`${id}-tracks`}>{t('inclusion.area.tracks')}</h3>
      {inclusion.tracks.length === 0 ? (
        <p>{t('inclusion.area.noTracks', { name: areaName })}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby={`${id}-tracks`} tabIndex={0}>
          <table className="table-stack" role="table" data-testid="inclusion-tracks-table">
            <caption className="visually-hidden">{t('inclusion.area.tracksCaption', { name: areaName })}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">{t('inclusion.area.board')}</th>
                <th scope="col" role="columnheader">{t('inclusion.area.phase')}</th>
                <th scope="col" role="columnheader" className="numeric">{t('inclusion.area.ambition')}</th>
                <th scope="col" role="columnheader">{t('inclusion.area.target')}</th>
                <th scope="col" role="columnheader" className="numeric">{t('inclusion.area.realisedColumn')}</th>
                <th scope="col" role="columnheader">{t('inclusion.area.firstContact')}</th>
                <th scope="col" role="columnheader">{t('inclusion.area.shares')}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {inclusion.tracks.map((tr) => (
                <tr role="row" key={tr.boardId} data-board={tr.boardName}>
                  <td role="cell" data-label={t('inclusion.area.board')}>
                    <strong>{tr.boardName}</strong>
                  </td>
                  <td role="cell" data-label={t('inclusion.area.phase')}>
                    {t(`inclusion.phases.names.${tr.phase}`)}{' '}
                    <span className="muted nowrap">{t('inclusion.area.since', { date: formatDate(tr.phaseSince, language) })}</span>
                  </td>
                  <td role="cell" data-label={t('inclusion.area.ambition')} className="numeric">
                    {tr.ambitionInJobs === null ? t('common.none') : formatJobs(tr.ambitionInJobs, language)}
                  </td>
                  <td role="cell" data-label={t('inclusion.area.target')}>
                    {tr.targetDate ? formatDate(tr.targetDate, language) : t('common.none')}
                  </td>
                  <td role="cell" data-label={t('inclusion.area.realisedColumn')} className="numeric">
                    {formatJobs(tr.jobsRealised, language)}
                    {tr.jobsInArea !== tr.jobsRealised && (
                      <span className="cell-note muted">{t('inclusion.area.inArea', { jobs: formatJobs(tr.jobsInArea, language), name: areaName })}</span>
                    )}
                  </td>
                  <td role="cell" data-label={t('inclusion.area.firstContact')}>
                    {tr.firstContactOn ? formatDate(tr.firstContactOn, language) : t('inclusion.area.notYet')}
                  </td>
                  <td role="cell" data-label={t('inclusion.area.shares')}>
                    {tr.sharesEvaluation ? t('common.yes') : t('common.no')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t('inclusion.area.bottlenecks')}</h3>
      {inclusion.bottlenecks.length === 0 ? (
        <p>{t('inclusion.area.bottlenecksNone')}</p>
      ) : (
        <ol className="area-bottlenecks" data-testid="inclusion-bottlenecks">
          {inclusion.bottlenecks.map((b) => (
            <li key={b.kind}>
              {t(`inclusion.bottlenecks.kinds.${b.kind}`)} <span className="muted">({t('inclusion.area.bottleneckBoards', { count: b.boards })})</span>
            </li>
          ))}
        </ol>
      )}

      <h3>{t('inclusion.area.servicePoints')}</h3>
      {inclusion.employerServicePoints.length === 0 ? (
        <p>{t('inclusion.area.noServicePoint')}</p>
      ) : (
        <div className="service-points">
          {inclusion.employerServicePoints.map((p) => (
            <ServicePointCard key={p.regionId} point={p} headingLevel={4} />
          ))}
        </div>
      )}
    </section>
  );
}
