/** A change refused with 412 (someone else changed the record meanwhile): the notice's state and its reload. */
import { useCallback, useState } from 'react';
import { isProblemError } from '../api/client';

export function isStale(error: unknown): boolean {
  return isProblemError(error) && error.status === 412;
}

/** Whether the record is stale, and `reload`, which reads it again (the page's refetch) and clears that. */
export function useStale(onReload?: () => Promise<unknown>) {
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const reload = useCallback(async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      await onReload();
    } finally {
      setReloading(false);
      setStale(false);
    }
  }, [onReload]);
  return { stale, setStale, reloading, reload };
}
