import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { Ok, Query } from '../../api/types';
import type { paths } from '../../api/schema';

type DuoOperation = paths['/imports/duo-schools']['post'];
/** The answer of `POST /imports/duo-schools`: the diff per school, and what went wrong per row. */
export type DuoImportResult = Ok<DuoOperation>;
export type DuoSchoolResult = DuoImportResult['schools'][number];
export type DuoSector = NonNullable<Query<DuoOperation>['sector']>;

export interface DuoImportRequest {
  boardId: number;
  file: File;
  dryRun: boolean;
  validOnly?: boolean;
  sector?: DuoSector | undefined;
}

/**
 * Sends DUO's file as the `file` field of a multipart form, as it is (its bytes unchanged, so a
 * Latin-1 file stays readable); the browser sets the boundary, the client adds the CSRF token.
 */
export async function runDuoImport({ boardId, file, dryRun, validOnly = false, sector }: DuoImportRequest): Promise<DuoImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return must(
    await api.POST('/imports/duo-schools', {
      params: { query: { boardId, dryRun, validOnly, ...(sector ? { sector } : {}) } },
      body: form as unknown as string,
      bodySerializer: (body) => body,
    }),
  );
}

export function useDuoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runDuoImport,
    onSuccess: (result) => {
      if (!result.written) return;
      void queryClient.invalidateQueries({ queryKey: ['schools'] });
      void queryClient.invalidateQueries({ queryKey: ['boards'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
