/** Queries and changes of indicators: the catalogue, a series, measurements and targets. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import type { Measurement, MeasurementCreate, MeasurementUpdate, SeriesQuery, TargetCreate, YearTargetCreate } from './types';

const ROOT = 'indicators';

export const indicatorKeys = {
  catalogue: () => [ROOT, 'catalogue'] as const,
  series: (code: string, query: SeriesQuery) => [ROOT, 'series', code, query] as const,
  measurement: (id: number) => [ROOT, 'measurement', id] as const,
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

/** One measurement with its ETag (to change it with If-Match); fetched only when `id` is given. */
export function useMeasurement(id: number | null) {
  return useQuery({
    queryKey: indicatorKeys.measurement(id ?? 0),
    queryFn: async (): Promise<WithEtag<Measurement>> =>
      withEtag(await api.GET('/measurements/{measurementId}', { params: { path: { measurementId: id ?? 0 } } })),
    enabled: id !== null,
  });
}

/** A change that refreshes the series (and the audit log) afterwards. */
function useChange<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      for (const key of [ROOT, 'audit']) void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useCreateMeasurement() {
  return useChange(async ({ body, idempotencyKey }: { body: MeasurementCreate; idempotencyKey: string }) =>
    must(await api.POST('/measurements', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
  );
}

export function useUpdateMeasurement() {
  return useChange(async ({ id, body, etag }: { id: number; body: MeasurementUpdate; etag: string | null }) =>
    must(await api.PATCH('/measurements/{measurementId}', { params: { path: { measurementId: id }, header: ifMatch(etag) }, body })),
  );
}

export function useSetTarget() {
  return useChange(async (body: TargetCreate) => must(await api.PUT('/targets', { body })));
}

/** One value for every period of a school year or calendar year (PUT /targets/year). */
export function useSetYearTargets() {
  return useChange(async (body: YearTargetCreate) => must(await api.PUT('/targets/year', { body })));
}
