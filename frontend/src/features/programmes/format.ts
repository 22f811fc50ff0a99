/** Names and periods of the programme screens, in the user's language. */
import { formatDate, formatNumber } from '../../lib/format';
import { type Translate } from '../../lib/i18n';
import { isIndicatorCode, PROGRAMME_INDICATORS, type Line, type ResultTotal } from './types';

/** A line's name: the catalogue's translation for the seed's four, the programme's own name otherwise. */
export function lineName(line: Pick<Line, 'code' | 'nameNl' | 'nameEn'>, t: Translate<'programmes'>, language: string): string {
  if (line.code) return t(`programmes.lines.codes.${line.code}`);
  return language === 'en' ? line.nameEn || line.nameNl : line.nameNl;
}

/** An indicator's name in the user's language (the API's names for one this screen does not know). */
export function indicatorName(
  total: Pick<ResultTotal, 'indicator'> & Partial<Pick<ResultTotal, 'indicatorNameNl' | 'indicatorNameEn'>>,
  t: Translate<'programmes'>,
  language: string,
): string {
  if (isIndicatorCode(total.indicator)) return t(`programmes.results.indicators.${total.indicator}`);
  return (language === 'en' ? total.indicatorNameEn : total.indicatorNameNl) ?? total.indicator;
}

/** A period ("2025-2026", "2025-Q1") as written: school years with a slash, quarters as "Q1 2025". */
export function formatPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const year = /^(\d{4})-(\d{4})$/.exec(period);
  if (year) return `${year[1]}/${year[2]}`;
  return period;
}

/** The school year ("2025-2026") that holds the day: from 1 August. */
export function schoolYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const first = m >= 8 ? y : y - 1;
  return `${first}-${first + 1}`;
}

/** The periods to choose from for an indicator: this one and the ones before (newest first). */
export function periodOptions(indicator: string, day: string, count = 4): string[] {
  const frequency = PROGRAMME_INDICATORS.find((i) => i.code === indicator)?.frequency ?? 'school-year';
  if (frequency === 'quarter') {
    let y = Number(day.slice(0, 4));
    let q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
    const out: string[] = [];
    for (let i = 0; i < count * 2; i += 1) {
      out.push(`${y}-Q${q}`);
      q -= 1;
      if (q === 0) {
        q = 4;
        y -= 1;
      }
    }
    return out;
  }
  const first = Number(schoolYearOf(day).slice(0, 4));
  return Array.from({ length: count }, (_, i) => `${first - i}-${first - i + 1}`);
}

/** "1 september 2024 tot en met 31 juli 2027", "vanaf ...", or null. */
export function periodText(from: string | null | undefined, to: string | null | undefined, t: Translate<'programmes'>, language: string): string | null {
  if (from && to) return t('programmes.header.fromTo', { from: formatDate(from, language), to: formatDate(to, language) });
  if (from) return t('programmes.header.from', { date: formatDate(from, language) });
  if (to) return formatDate(to, language);
  return null;
}

/** An amount in euro ("190.00") as "€ 190.000,00". */
export function formatEuro(amount: string | null | undefined, language: string): string {
  if (!amount) return '';
  const n = Number(amount);
  if (Number.isNaN(n)) return amount;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(n);
}

export { formatNumber };
