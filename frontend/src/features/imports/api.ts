import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { invalidateRegistry } from '../partnerships/api';
import type { ImportKind, ImportResult } from '../../api/registryTypes';

export interface ImportRequest {
  kind: ImportKind;
  boardId: number;
  /** The file as it is: its bytes go to the API unchanged, so a Windows-1252 file stays readable. */
  bytes: ArrayBuffer;
  dryRun: boolean;
  validOnly?: boolean;
}

/** An Excel workbook (a ZIP archive) rather than a CSV text. */
export function isWorkbook(bytes: ArrayBuffer): boolean {
  const head = new Uint8Array(bytes.slice(0, 4));
  return head.length === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/**
 * Sends the file as it is (the client adds the CSRF token, as for every change): a CSV as the raw
 * body, an Excel workbook as the field `file` of a multipart form.
 */
export async function runImport({ kind, boardId, bytes, dryRun, validOnly = false }: ImportRequest): Promise<ImportResult> {
  const params = { path: { kind }, query: { boardId, dryRun, validOnly } };
  if (isWorkbook(bytes)) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'import.xlsx');
    return must(await api.POST('/imports/{kind}', { params, body: form as unknown as string, bodySerializer: (body) => body }));
  }
  return must(
    await api.POST('/imports/{kind}', {
      params,
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
