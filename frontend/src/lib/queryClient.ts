import { QueryClient } from '@tanstack/react-query';
import { isProblemError } from '../api/client';

/** Errors a retry cannot fix: every answer from the API except a server error. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isProblemError(error) && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
