import { API_SCOPES, type ApiScope } from '../../api/types';

/** Translation keys per scope (i18next reads a colon as a namespace separator, so no `a:b` keys). */
export const SCOPE_KEYS = {
  'organisations:read': 'organisationsRead',
  'organisations:write': 'organisationsWrite',
  'partners:read': 'partnersRead',
  'partners:write': 'partnersWrite',
  'people:read': 'peopleRead',
  'people:write': 'peopleWrite',
  'key-persons:read': 'keyPersonsRead',
  'key-persons:write': 'keyPersonsWrite',
  'indicators:read': 'indicatorsRead',
  'indicators:write': 'indicatorsWrite',
  'inclusion:read': 'inclusionRead',
  'inclusion:write': 'inclusionWrite',
  'sync:read': 'syncRead',
  'sync:write': 'syncWrite',
  'audit:read': 'auditRead',
} as const satisfies Record<ApiScope, string>;

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

export function isWriteScope(scope: string): boolean {
  return scope.endsWith(':write');
}

/** Clients bound to a region or a municipality serve municipalities and regional contact points: they only read. */
export function scopesForBinding(binding: 'board' | 'region' | 'municipality'): readonly ApiScope[] {
  return binding === 'board' ? API_SCOPES : API_SCOPES.filter((s) => !isWriteScope(s));
}

/** The key as far as it is known after creation: `spil_<prefix>_…`. */
export function maskedKey(keyPrefix: string): string {
  return `spil_${keyPrefix}_…`;
}
