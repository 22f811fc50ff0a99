/** Optimistic locking: a record's ETag read with it, sent back as If-Match when changing it. */
import { must } from './client';

export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

/** The If-Match header for a change (none when the record came without an ETag). */
export function ifMatch(etag: string | null | undefined): Record<string, string> {
  return etag ? { 'If-Match': etag } : {};
}

/** A successful answer's body and its ETag. */
export function withEtag<T>(result: { data?: T; response: Response }): WithEtag<T> {
  return { data: must(result), etag: result.response.headers.get('ETag') };
}
