import { ifMatch, recordWithEtag } from '../../api/etag';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, must } from '../../api/client';
import type { Board, BoardCreate, BoardListQuery, BoardUpdate } from '../../api/types';

export interface BoardWithEtag {
  board: Board;
  etag: string | null;
}

export const boardKeys = {
  all: ['boards'] as const,
  list: (query: BoardListQuery) => ['boards', 'list', query] as const,
  detail: (id: number) => ['boards', 'detail', id] as const,
};

export function useBoards(query: BoardListQuery) {
  return useQuery({
    queryKey: boardKeys.list(query),
    queryFn: async () => must(await api.GET('/boards', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export async function fetchBoard(boardId: number): Promise<BoardWithEtag> {
  const result = await api.GET('/boards/{boardId}', { params: { path: { boardId } } });
  return recordWithEtag('board', result);
}

export function useBoard(boardId: number) {
  return useQuery({
    queryKey: boardKeys.detail(boardId),
    queryFn: () => fetchBoard(boardId),
    enabled: Number.isInteger(boardId) && boardId > 0,
  });
}

export function useCreateBoard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BoardCreate) => {
      const result = await api.POST('/boards', { body });
      return recordWithEtag('board', result) satisfies BoardWithEtag;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(boardKeys.detail(data.board.id), data);
      void queryClient.invalidateQueries({ queryKey: boardKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useUpdateBoard(boardId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: BoardUpdate; etag: string | null }) => {
      const result = await api.PATCH('/boards/{boardId}', {
        params: { path: { boardId }, header: ifMatch(etag) },
        body,
      });
      return recordWithEtag('board', result) satisfies BoardWithEtag;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(boardKeys.detail(boardId), data);
      void queryClient.invalidateQueries({ queryKey: ['boards', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['boards', 'all'] });
      void queryClient.invalidateQueries({ queryKey: ['schools'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useDeleteBoard(boardId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ etag }: { etag: string | null }) => {
      await api.DELETE('/boards/{boardId}', {
        params: { path: { boardId }, header: ifMatch(etag) },
      });
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: boardKeys.detail(boardId) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
