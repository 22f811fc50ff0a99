import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { invalidateRegistry } from '../partnerships/api';
import type { ImportKind, ImportResult } from '../registry/types';

export interface ImportRequest {
  kind: ImportKind;
  boardId: number;
  /** The file as it is: its bytes go to the API unchanged, so a Windows-1252 file stays readable. */
  bytes: ArrayBuffer;
  dryRun: boolean;
  validOnly?: boolean;
}

/** Sends the raw CSV (the client adds the CSRF token, as for every change). */
export async function runImport({ kind, boardId, bytes, dryRun, validOnly = false }: ImportRequest): Promise<ImportResult> {
  return must(
    await api.POST('/imports/{kind}', {
      params: { path: { kind }, query: { boardId, dryRun, validOnly } },
      body: bytes as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (result) => {
      if (!result.written) return;
      if (result.kind === 'measurements') void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      else invalidateRegistry(queryClient);
    },
  });
}
