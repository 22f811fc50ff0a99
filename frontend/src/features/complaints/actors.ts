/** The actors a route step can name: role types, external bodies and partner categories, by code and by name. */
import { useMemo } from 'react';
import { useCategories, useLocalName, useRoleTypes } from '../../lib/scope';
import { useExternalBodies } from './api';
import { useT } from '../../lib/i18n';
import type { ActorType } from './types';

export interface ActorOption {
  code: string;
  name: string;
}

export function useActors(boardId: number | undefined) {
  const { t } = useT('complaints');
  const roleTypes = useRoleTypes(boardId);
  const categories = useCategories(boardId);
  const bodies = useExternalBodies();
  const localName = useLocalName();
  return useMemo(() => {
    const sort = (list: ActorOption[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
    const options: Record<'role' | 'body' | 'partner-category', ActorOption[]> = {
      role: sort((roleTypes.data ?? []).map((r) => ({ code: r.code, name: localName(r) }))),
      body: sort((bodies.data ?? []).map((b) => ({ code: b.code, name: localName(b) }))),
      'partner-category': sort((categories.data ?? []).map((c) => ({ code: c.code, name: localName(c) }))),
    };
    /** "Vertrouwenspersoon (intern)", "Veilig Thuis", "Het bestuur", ... */
    const name = (type: ActorType, code: string | null | undefined): string => {
      if (type === 'role' || type === 'body' || type === 'partner-category') {
        return options[type].find((o) => o.code === code)?.name ?? code ?? '';
      }
      return t(`complaints.actorTypes.${type}`);
    };
    return { options, name };
  }, [roleTypes.data, categories.data, bodies.data, localName, t]);
}
