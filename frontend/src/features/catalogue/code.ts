/** The API's codes of catalogue entries: a lower-case letter, then 1 to 59 letters, digits or dashes. */
export const CODE_PATTERN = /^[a-z][a-z0-9-]{1,59}$/;

/**
 * A code proposed from a name: "Coördinator techniek & ICT" becomes "coordinator-techniek-ict".
 * Empty when the name holds no letter to start with.
 */
export function codeFromName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return plain.length >= 2 ? plain : '';
}
