/** Numbers as people type them in a form. */

/** "64,5" and "64.5" both mean 64.5; anything else is not a number. */
export function parseValue(text: string): number | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}
