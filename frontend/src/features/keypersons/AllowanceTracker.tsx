import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../components/Loading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatMoney, isNegative, isPositive, negateMoney, type Money } from '../../lib/money';
import { AllowanceChart } from './AllowanceChart';
import { useLedger } from './api';
import { currentYear } from './format';
import { useT } from '../../lib/i18n';
import { LedgerTable } from './LedgerTable';
import { benefitWarningText, violationText, warningText } from './messages';
import { MessageList, Notice } from './Notices';
import { Payments } from './Payments';
import type { Agreement } from './types';

/** The years to choose from: from the agreement's start to its end (or next year), at most 12. */
export function trackerYears(agreement: Agreement, thisYear: number): number[] {
  const first = Number(agreement.startsOn.slice(0, 4));
  const last = agreement.endsOn ? Math.min(Number(agreement.endsOn.slice(0, 4)), thisYear + 1) : thisYear + 1;
  const years: number[] = [];
  for (let y = Math.max(first, last - 11); y <= Math.max(last, first); y++) years.push(y);
  return years.reverse();
}

/** The allowance tracker: a year's payments against the legal maxima, with the projection to year end. */
export function AllowanceTracker({ agreement, canEdit }: { agreement: Agreement; canEdit: boolean }) {
  const { t, language } = useT('keypersons');
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = currentYear();
  const years = trackerYears(agreement, thisYear);
  const asked = Number(searchParams.get('year'));
  const year = years.includes(asked) ? asked : years.includes(thisYear) ? thisYear : (years[0] ?? thisYear);
  const ledger = useLedger(agreement.id, year);
  const data = ledger.data && ledger.data.year === year ? ledger.data : undefined;
  const money = (value: Money) => formatMoney(value, language);

  function chooseYear(value: string) {
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('year', value);
        return next;
      },
      { replace: true },
    );
  }

  const ctx = data
    ? { language, ruleSet: data.ruleSet, projection: data.projection, hourlyRate: agreement.hourlyRate, ageBand: agreement.ageBand }
    : { language };
  const warnings = (data?.warnings ?? []).filter((w) => w.code !== 'rule-set-assumed').map((w) => warningText(w, t, ctx));
  const benefit = (agreement.benefitWarnings ?? []).map((w) => benefitWarningText(w, t, ctx));

  return (
    <>
      <section aria-labelledby={`${id}-title`} className="allowance-tracker" data-testid="allowance-tracker">
        <div className="section-header">
          <h2 id={`${id}-title`}>{t('keyPersons.tracker.title')}</h2>
          <div className="field year-field">
            <label htmlFor={`${id}-year`}>{t('keyPersons.tracker.year')}</label>
            <select id={`${id}-year`} value={String(year)} onChange={(e) => chooseYear(e.target.value)}>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted">{t('keyPersons.tracker.intro')}</p>
        {ledger.isPending && <Loading />}
        {ledger.isError && <ProblemAlert error={ledger.error} onRetry={() => void ledger.refetch()} />}
        {data && (
          <>
            {data.ruleSetAssumed && (
              <Notice kind="warning" title={t('keyPersons.tracker.assumedTitle', { rulesYear: data.ruleSet.year })} testId="rules-assumed">
                <p>
                  {t('keyPersons.tracker.assumedText', { year: data.year, rulesYear: data.ruleSet.year })}{' '}
                  <Link to="/key-persons/rules">{t('keyPersons.tracker.assumedLink')}</Link>
                </p>
              </Notice>
            )}
            {data.taxable && (
              <Notice kind="error" title={t('keyPersons.tracker.taxableTitle', { year: data.year })} testId="taxable">
                <p>
                  {data.markedTaxable
                    ? t('keyPersons.tracker.markedTaxable', { year: data.year, name: agreement.personName })
                    : t('keyPersons.tracker.taxableText', { year: data.year, name: agreement.personName })}
                </p>
              </Notice>
            )}
            {!data.taxable && (
              <p className="status-line" data-testid="within-limits">
                <span aria-hidden="true">✓ </span>
                {t('keyPersons.tracker.withinLimits', { year: data.year })}
              </p>
            )}
            <dl className="figures" data-testid="ledger-totals">
              <div>
                <dt>{t('keyPersons.tracker.paidSoFar')}</dt>
                <dd>{money(data.totals.counted)}</dd>
              </div>
              {isPositive(data.totals.otherAgreements) && (
                <div>
                  <dt>{t('keyPersons.tracker.otherAgreements')}</dt>
                  <dd>{money(data.totals.otherAgreements)}</dd>
                </div>
              )}
              <div>
                <dt>{t('keyPersons.tracker.yearMaximum')}</dt>
                <dd>{money(data.totals.maxPerYear)}</dd>
              </div>
              <div className={isNegative(data.totals.headroom) ? 'figure-over' : undefined}>
                <dt>{t('keyPersons.tracker.headroom')}</dt>
                <dd data-testid="headroom">
                  {isNegative(data.totals.headroom)
                    ? t('keyPersons.ledger.overBy', { amount: money(negateMoney(data.totals.headroom)) })
                    : money(data.totals.headroom)}
                </dd>
              </div>
              <div>
                <dt>{t('keyPersons.tracker.monthMaximum')}</dt>
                <dd>{money(data.ruleSet.maxPerMonth)}</dd>
              </div>
              <div className={data.projection.exceedsYearLimit ? 'figure-over' : undefined}>
                <dt>{t('keyPersons.tracker.projection')}</dt>
                <dd>{money(data.projection.yearEndTotal)}</dd>
              </div>
            </dl>
            <p className="muted">
              {data.projection.remainingMonths > 0
                ? t('keyPersons.tracker.projectionText', {
                    count: data.projection.remainingMonths,
                    perMonth: money(data.projection.expectedPerMonth),
                    total: money(data.projection.yearEndTotal),
                  })
                : t('keyPersons.tracker.projectionNone')}
            </p>
            {data.violations.length > 0 && (
              <div className="alert alert-error" data-testid="violations">
                <p>
                  <strong>{t('keyPersons.tracker.violationsTitle')}</strong>
                </p>
                <MessageList items={data.violations.map((v) => ({ text: violationText(v, t, language), english: false }))} />
              </div>
            )}
            {warnings.length > 0 && (
              <div className="alert alert-warning" data-testid="ledger-warnings">
                <p>
                  <strong>{t('keyPersons.tracker.warningsTitle')}</strong>
                </p>
                <MessageList items={warnings} />
              </div>
            )}
            {benefit.length > 0 && (
              <div className="alert alert-info" data-testid="benefit-warnings">
                <p>
                  <strong>{t('keyPersons.tracker.benefitTitle')}</strong>
                </p>
                <MessageList items={benefit} />
              </div>
            )}
            <AllowanceChart ledger={data} />
            <LedgerTable ledger={data} />
            <p className="muted small">
              {t('keyPersons.tracker.rulesSource', { year: data.ruleSet.year })}{' '}
              {data.ruleSet.sources.map((s, i) => (
                <span key={s.url}>
                  {i > 0 && ', '}
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {s.title}
                    <span className="visually-hidden"> {t('keyPersons.opensInNewWindow')}</span>
                  </a>
                </span>
              ))}
            </p>
          </>
        )}
      </section>
      <Payments agreement={agreement} ledger={data} year={year} canEdit={canEdit} />
    </>
  );
}
