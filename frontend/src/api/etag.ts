/** Optimistic locking: a record's ETag read with it, sent back as If-Match when changing it. */
import { must } from './client';

export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

/**
 * The If-Match header every PATCH and DELETE must carry (the API answers 428 without one). A
 * record always comes with its ETag; a missing one is sent empty, so that the API's 428 tells.
 */
export function ifMatch(etag: string | null | undefined): { 'If-Match': string } {
  return { 'If-Match': etag ?? '' };
}

/** A successful answer's body and its ETag. */
export function withEtag<T>(result: { data?: T; response: Response }): WithEtag<T> {
  return { data: must(result), etag: result.response.headers.get('ETag') };
}

/** A successful answer's body under the record's name (`{ board, etag }`), as the features' queries hold it. */
export function recordWithEtag<K extends string, T>(key: K, result: { data?: T; response: Response }): { [P in K]: T } & { etag: string | null } {
  const { data, etag } = withEtag(result);
  return { [key]: data, etag } as { [P in K]: T } & { etag: string | null };
}
