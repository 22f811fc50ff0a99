import { formatMoney, isNegative, isPositive, negateMoney, type Money } from '../../lib/money';
import { periodLabel } from './format';
import { useT } from '../../lib/i18n';
import { HeadRow } from './Notices';
import type { Ledger, LedgerMonth } from './types';

function MonthStatus({ month }: { month: LedgerMonth }) {
  const { t } = useT('keypersons');
  if (month.overLimit) {
    return (
      <span className="badge badge-over">
        <span aria-hidden="true">⚠ </span>
        {month.projected ? t('keyPersons.ledger.projectedOver') : t('keyPersons.ledger.over')}
      </span>
    );
  }
  if (month.projected) return <span className="badge badge-projected">{t('keyPersons.ledger.projected')}</span>;
  if (isPositive(month.counted) || isPositive(month.allowance) || isPositive(month.expenses)) return <span>{t('keyPersons.ledger.paid')}</span>;
  return <span className="muted">{t('keyPersons.ledger.nothing')}</span>;
}

/** The chart's figures as a table: per month what was paid or is expected, against the maximum. */
export function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { t, language } = useT('keypersons');
  const money = (value: Money) => formatMoney(value, language);
  const headroom = (value: Money) =>
    isNegative(value) ? t('keyPersons.ledger.overBy', { amount: money(negateMoney(value)) }) : money(value);
  const caption = t('keyPersons.ledger.caption', { year: ledger.year, maximum: money(ledger.ruleSet.maxPerMonth) });
  // Amounts of the person's other agreements: a column only when there are any.
  const others = ledger.months.some((m) => isPositive(m.otherAgreements));
  const cols = (['month', 'status', 'allowance', 'expenses', 'counted', 'otherAgreements', 'headroom'] as const).filter(
    (c) => others || c !== 'otherAgreements',
  );
  const label = (c: (typeof cols)[number]) => t(`keyPersons.ledger.columns.${c}`);
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="stack-on-phone ledger-table" data-testid="ledger-table">
        <caption>{caption}</caption>
        <HeadRow columns={cols} label={label} numeric={['allowance', 'expenses', 'counted', 'otherAgreements', 'headroom']} />
        <tbody>
          {ledger.months.map((m) => (
            <tr key={m.month} data-month={m.month} className={m.overLimit ? 'row-over' : m.projected ? 'row-projected' : undefined}>
              <th scope="row" data-label={label('month')}>
                {periodLabel(m.month, language)}
              </th>
              <td data-label={label('status')}>
                <MonthStatus month={m} />
              </td>
              <td data-label={label('allowance')} className="numeric">
                {money(m.allowance)}
              </td>
              <td data-label={label('expenses')} className="numeric">
                {money(m.expenses)}
              </td>
              <td data-label={label('counted')} className="numeric">
                {money(m.counted)}
              </td>
              {others && (
                <td data-label={label('otherAgreements')} className="numeric">
                  {money(m.otherAgreements)}
                </td>
              )}
              <td data-label={label('headroom')} className="numeric">
                {headroom(m.headroom)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" data-label={label('month')}>
              {t('keyPersons.ledger.yearToDate', { maximum: money(ledger.totals.maxPerYear) })}
            </th>
            <td />
            <td data-label={label('allowance')} className="numeric">
              {money(ledger.totals.allowance)}
            </td>
            <td data-label={label('expenses')} className="numeric">
              {money(ledger.totals.expenses)}
            </td>
            <td data-label={label('counted')} className="numeric">
              {money(ledger.totals.counted)}
            </td>
            {others && (
              <td data-label={label('otherAgreements')} className="numeric">
                {money(ledger.totals.otherAgreements)}
              </td>
            )}
            <td data-label={label('headroom')} className="numeric">
              {headroom(ledger.totals.headroom)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
