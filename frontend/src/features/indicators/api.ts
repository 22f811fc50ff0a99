/** Queries and changes of indicators: the catalogue, a series and entering a measurement. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { MeasurementCreate, SeriesQuery } from './types';

const ROOT = 'indicators';

export const indicatorKeys = {
  catalogue: () => [ROOT, 'catalogue'] as const,
  series: (code: string, query: SeriesQuery) => [ROOT, 'series', code, query] as const,
};

export function useIndicators() {
  return useQuery({
    queryKey: indicatorKeys.catalogue(),
    queryFn: async () => must(await api.GET('/indicators')),
    staleTime: 10 * 60 * 1000,
  });
}

export function useSeries(code: string | null, query: SeriesQuery | null) {
  return useQuery({
    queryKey: indicatorKeys.series(code ?? '', query ?? { scope: '' }),
    queryFn: async () =>
      must(await api.GET('/indicators/{code}/series', { params: { path: { code: code ?? '' }, query: query ?? { scope: '' } } })),
    enabled: !!code && !!query?.scope,
    placeholderData: keepPreviousData,
  });
}

export function useCreateMeasurement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: MeasurementCreate; idempotencyKey: string }) =>
      must(await api.POST('/measurements', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
    onSuccess: () => {
      for (const key of [ROOT, 'audit']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}
