import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { SESSION_KEY } from '../../lib/auth/AuthProvider';

export type InvitationCreate = components['schemas']['InvitationCreate'];
export type ReminderKind = components['schemas']['ReminderSetting']['kind'];
export type ReminderSettings = components['schemas']['ReminderSettings'];

function afterUserChange(queryClient: ReturnType<typeof useQueryClient>, userId?: number) {
  void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
  if (userId) void queryClient.invalidateQueries({ queryKey: ['users', 'detail', userId] });
  void queryClient.invalidateQueries({ queryKey: ['audit'] });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: InvitationCreate) => must(await api.POST('/invitations', { body })),
    onSuccess: () => afterUserChange(queryClient),
  });
}

export function useResendInvitation(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => must(await api.POST('/users/{userId}/invitations', { params: { path: { userId } } })),
    onSuccess: () => afterUserChange(queryClient, userId),
  });
}

export function useWithdrawInvitation(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.DELETE('/users/{userId}/invitations', { params: { path: { userId } } });
    },
    onSuccess: () => afterUserChange(queryClient),
  });
}

export function useResetTwoFactor(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.DELETE('/users/{userId}/two-factor', { params: { path: { userId } } });
    },
    onSuccess: () => afterUserChange(queryClient, userId),
  });
}

export async function requestPasswordReset(email: string) {
  return must(await api.POST('/auth/password-reset', { body: { email } }));
}

export async function setNewPassword(token: string, password: string) {
  await api.POST('/auth/new-password', { body: { token, password } });
}

export async function unsubscribe(email: string, kind: ReminderKind, signature: string) {
  await api.POST('/reminder-unsubscriptions', { body: { email, kind, signature } });
}

export function useStartTwoFactor() {
  return useMutation({
    mutationFn: async () => must(await api.POST('/auth/two-factor/secret')),
  });
}

export function useActivateTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => must(await api.POST('/auth/two-factor/activation', { body: { code } })),
    // The session now says two-factor login is on (and no longer limits what this session reaches).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export function useSwitchOffTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.DELETE('/auth/two-factor');
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

export const reminderKeys = { settings: ['reminder-settings'] as const };

export function useReminderSettings() {
  return useQuery({
    queryKey: reminderKeys.settings,
    queryFn: async () => must(await api.GET('/reminder-settings')),
  });
}

export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (settings: { kind: ReminderKind; enabled: boolean }[]) =>
      must(await api.PUT('/reminder-settings', { body: { settings } })),
    onSuccess: (data) => queryClient.setQueryData(reminderKeys.settings, data),
  });
}

/** The token of a mailed link: in the URL's fragment (`#token=...`), which no server sees. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : null;
}
