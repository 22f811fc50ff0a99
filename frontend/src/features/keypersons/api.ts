/** Queries and changes of key persons: allowance rules, the check, agreements, ledger, payments, activities, listings. */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import { ifMatch, withEtag, type WithEtag } from '../../api/etag';
import { fetchAll } from '../../lib/reference';
import type {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  Agreement,
  AgreementCreate,
  AgreementListQuery,
  AgreementUpdate,
  CheckRequest,
  Listing,
  ListingCreate,
  ListingUpdate,
  Payment,
  PaymentCreate,
  PaymentUpdate,
  RuleSet,
  RuleSetCreate,
  RuleSetUpdate,
} from './types';

const ROOT = 'key-persons';

export const keyPersonKeys = {
  rules: () => [ROOT, 'rules'] as const,
  rule: (year: number) => [ROOT, 'rules', year] as const,
  revisions: (year: number) => [ROOT, 'rules', year, 'revisions'] as const,
  agreements: (query: AgreementListQuery) => [ROOT, 'agreements', 'list', query] as const,
  agreement: (id: number) => [ROOT, 'agreements', 'detail', id] as const,
  ledger: (id: number, year: number) => [ROOT, 'ledger', id, year] as const,
  payments: (agreementId: number, year: number) => [ROOT, 'payments', agreementId, year] as const,
  payment: (id: number) => [ROOT, 'payment', id] as const,
  activities: (query: ActivityListQuery) => [ROOT, 'activities', 'list', query] as const,
  activity: (id: number) => [ROOT, 'activities', 'detail', id] as const,
  listings: (schoolId: number) => [ROOT, 'listings', schoolId] as const,
  listing: (id: number) => [ROOT, 'listing', id] as const,
};

/** After any change: the key-person views, and the gaps and audit log that may show it. */
export function invalidateKeyPersons(queryClient: QueryClient) {
  for (const key of [ROOT, 'gaps', 'audit']) void queryClient.invalidateQueries({ queryKey: [key] });
}

/** A change that refreshes the key-person views (and the gaps) afterwards. */
function useChange<A, R>(mutationFn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateKeyPersons(queryClient) });
}

/* --- allowance rules and the check ----------------------------------------------------------- */

export function useRuleSets() {
  return useQuery({
    queryKey: keyPersonKeys.rules(),
    queryFn: async () => must(await api.GET('/allowance-rules')),
    staleTime: 10 * 60 * 1000,
  });
}

export function useRuleSet(year: number | null) {
  return useQuery({
    queryKey: keyPersonKeys.rule(year ?? 0),
    queryFn: async (): Promise<WithEtag<RuleSet>> =>
      withEtag(await api.GET('/allowance-rules/{year}', { params: { path: { year: year ?? 0 } } })),
    enabled: year !== null,
  });
}

export function useRuleRevisions(year: number | null) {
  return useQuery({
    queryKey: keyPersonKeys.revisions(year ?? 0),
    queryFn: async () => must(await api.GET('/allowance-rules/{year}/revisions', { params: { path: { year: year ?? 0 } } })),
    enabled: year !== null,
  });
}

export function useCreateRuleSet() {
  return useChange(async (body: RuleSetCreate) => must(await api.POST('/allowance-rules', { body })));
}

export function useUpdateRuleSet() {
  return useChange(async ({ year, body, etag }: { year: number; body: RuleSetUpdate; etag: string | null }) =>
    must(await api.PATCH('/allowance-rules/{year}', { params: { path: { year }, header: ifMatch(etag) }, body })),
  );
}

/** The stateless check; the explanation comes in the user's language. */
export function useAllowanceCheck() {
  return useMutation({
    mutationFn: async ({ body, language }: { body: CheckRequest; language: string }) =>
      must(await api.POST('/allowance-checks', { params: { header: { 'accept-language': language } }, body })),
  });
}

/* --- agreements, ledger and payments ---------------------------------------------------------- */

export function useAgreements(query: AgreementListQuery, enabled = true) {
  return useQuery({
    queryKey: keyPersonKeys.agreements(query),
    queryFn: async () => must(await api.GET('/volunteer-agreements', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAgreement(agreementId: number) {
  return useQuery({
    queryKey: keyPersonKeys.agreement(agreementId),
    queryFn: async (): Promise<WithEtag<Agreement>> =>
      withEtag(await api.GET('/volunteer-agreements/{agreementId}', { params: { path: { agreementId } } })),
    enabled: Number.isInteger(agreementId) && agreementId > 0,
  });
}

export function useCreateAgreement() {
  return useChange(async ({ body, idempotencyKey }: { body: AgreementCreate; idempotencyKey: string }) =>
    must(await api.POST('/volunteer-agreements', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
  );
}

export function useUpdateAgreement(agreementId: number) {
  return useChange(async ({ body, etag }: { body: AgreementUpdate; etag: string | null }) =>
    must(
      await api.PATCH('/volunteer-agreements/{agreementId}', {
        params: { path: { agreementId }, header: ifMatch(etag) },
        body,
      }),
    ),
  );
}

export function useDeleteAgreement(agreementId: number) {
  return useChange(async ({ etag }: { etag: string | null }) => {
    await api.DELETE('/volunteer-agreements/{agreementId}', { params: { path: { agreementId }, header: ifMatch(etag) } });
  });
}

export function useLedger(agreementId: number, year: number) {
  return useQuery({
    queryKey: keyPersonKeys.ledger(agreementId, year),
    queryFn: async () =>
      must(await api.GET('/volunteer-agreements/{agreementId}/ledger', { params: { path: { agreementId }, query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function usePayments(agreementId: number, year: number) {
  return useQuery({
    queryKey: keyPersonKeys.payments(agreementId, year),
    queryFn: () =>
      fetchAll<Payment>(async (page) =>
        must(
          await api.GET('/allowance-payments', {
            params: { query: { agreementId, year, page, pageSize: 100, sort: 'month' } },
          }),
        ),
      ),
  });
}

/** One payment with its ETag, for editing it. */
export function usePayment(paymentId: number | null) {
  return useQuery({
    queryKey: keyPersonKeys.payment(paymentId ?? 0),
    queryFn: async (): Promise<WithEtag<Payment>> =>
      withEtag(await api.GET('/allowance-payments/{paymentId}', { params: { path: { paymentId: paymentId ?? 0 } } })),
    enabled: paymentId !== null,
    staleTime: 0,
  });
}

export function useCreatePayment() {
  return useChange(async ({ body, idempotencyKey }: { body: PaymentCreate; idempotencyKey: string }) =>
    must(await api.POST('/allowance-payments', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
  );
}

export function useUpdatePayment() {
  return useChange(async ({ paymentId, body, etag }: { paymentId: number; body: PaymentUpdate; etag: string | null }) =>
    must(await api.PATCH('/allowance-payments/{paymentId}', { params: { path: { paymentId }, header: ifMatch(etag) }, body })),
  );
}

export function useDeletePayment() {
  return useChange(async ({ paymentId, etag }: { paymentId: number; etag: string }) => {
    await api.DELETE('/allowance-payments/{paymentId}', { params: { path: { paymentId }, header: ifMatch(etag) } });
  });
}

/* --- activities ---------------------------------------------------------------------------------- */

export function useActivities(query: ActivityListQuery) {
  return useQuery({
    queryKey: keyPersonKeys.activities(query),
    queryFn: async () => must(await api.GET('/key-person-activities', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(activityId: number) {
  return useQuery({
    queryKey: keyPersonKeys.activity(activityId),
    queryFn: async (): Promise<WithEtag<Activity>> =>
      withEtag(await api.GET('/key-person-activities/{activityId}', { params: { path: { activityId } } })),
    enabled: Number.isInteger(activityId) && activityId > 0,
  });
}

export function useCreateActivity() {
  return useChange(async ({ body, idempotencyKey }: { body: ActivityCreate; idempotencyKey: string }) =>
    must(await api.POST('/key-person-activities', { headers: { 'Idempotency-Key': idempotencyKey }, body })),
  );
}

export function useUpdateActivity(activityId: number) {
  return useChange(async ({ body, etag }: { body: ActivityUpdate; etag: string | null }) =>
    must(
      await api.PATCH('/key-person-activities/{activityId}', { params: { path: { activityId }, header: ifMatch(etag) }, body }),
    ),
  );
}

export function useDeleteActivity() {
  return useChange(async ({ activityId, etag }: { activityId: number; etag: string }) => {
    await api.DELETE('/key-person-activities/{activityId}', { params: { path: { activityId }, header: ifMatch(etag) } });
  });
}

/* --- public listings ----------------------------------------------------------------------------- */

export function useListings(schoolId: number | undefined) {
  return useQuery({
    queryKey: keyPersonKeys.listings(schoolId ?? 0),
    queryFn: () =>
      fetchAll<Listing>(async (page) =>
        must(await api.GET('/key-person-listings', { params: { query: { schoolId, page, pageSize: 100, sort: 'position' } } })),
      ),
    enabled: schoolId !== undefined,
  });
}

export function useListing(listingId: number | null) {
  return useQuery({
    queryKey: keyPersonKeys.listing(listingId ?? 0),
    queryFn: async (): Promise<WithEtag<Listing>> =>
      withEtag(await api.GET('/key-person-listings/{listingId}', { params: { path: { listingId: listingId ?? 0 } } })),
    enabled: listingId !== null,
    staleTime: 0,
  });
}

export function useCreateListing() {
  return useChange(async (body: ListingCreate) => must(await api.POST('/key-person-listings', { body })));
}

export function useUpdateListing() {
  return useChange(async ({ listingId, body, etag }: { listingId: number; body: ListingUpdate; etag: string | null }) =>
    must(await api.PATCH('/key-person-listings/{listingId}', { params: { path: { listingId }, header: ifMatch(etag) }, body })),
  );
}

export function useDeleteListing() {
  return useChange(async ({ listingId, etag }: { listingId: number; etag: string }) => {
    await api.DELETE('/key-person-listings/{listingId}', { params: { path: { listingId }, header: ifMatch(etag) } });
  });
}

/** A school's page as the public sees it (no login needed). */
export function usePublicKeyPersons(locationCode: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['public', 'key-persons', locationCode],
    queryFn: async () =>
      must(await api.GET('/public/schools/{locationCode}/key-persons', { params: { path: { locationCode } } })),
    retry: false,
    staleTime: 5 * 60 * 1000,
  });
}
