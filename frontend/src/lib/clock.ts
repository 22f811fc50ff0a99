/**
 * The product's date. Spil's "today" is the date in Europe/Amsterdam on the server's clock (which
 * the demo and the tests can pin with SPIL_TODAY); the API sends it with the session and the
 * health check. Screens take their defaults (this year, this month, today) from here, never from
 * the browser's own clock, so that they agree with what the API counts as "now".
 */
let productToday: string | null = null;

/** Remember the date the API gave (`YYYY-MM-DD`). */
export function setProductToday(value: string | null | undefined): void {
  productToday = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** Today as `YYYY-MM-DD`: the API's date, or Amsterdam's date by the browser's clock before the API answered. */
export function today(): string {
  if (productToday) return productToday;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** This calendar year by the product's date. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** This month as `YYYY-MM` by the product's date. */
export function currentMonth(): string {
  return today().slice(0, 7);
}
