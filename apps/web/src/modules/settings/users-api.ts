import type {
  CreateUserRequest,
  ResetPasswordRequest,
  Role,
  UpdateUserRequest,
  User,
  UserList,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { useRealtimeEvent } from '../../lib/realtime.tsx';

export const usersKey = ['users'] as const;

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', supervisor: 'Supervisor', agent: 'Agent' };

export function useUsers() {
  const queryClient = useQueryClient();
  const replace = (user: User) =>
    queryClient.setQueryData<UserList>(usersKey, (list) =>
      list ? { items: list.items.map((u) => (u.id === user.id ? user : u)) } : list,
    );
  useRealtimeEvent('user.updated', ({ payload }) => replace(payload));
  useRealtimeEvent('user.availability_changed', ({ payload }) =>
    queryClient.setQueryData<UserList>(usersKey, (list) =>
      list
        ? {
            items: list.items.map((u) =>
              u.id === payload.userId
                ? { ...u, availability: payload.availability, availabilityChangedAt: payload.changedAt }
                : u,
            ),
          }
        : list,
    ),
  );
  return useQuery({ queryKey: usersKey, queryFn: () => api.get<UserList>('/api/users') });
}

function useUserMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      void queryClient.invalidateQueries({ queryKey: ['team'] });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((body: CreateUserRequest) => api.post<User>('/api/users', body));
}

export function useUpdateUser() {
  return useUserMutation(({ id, ...body }: UpdateUserRequest & { id: string }) =>
    api.patch<User>(`/api/users/${id}`, body),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, password }: ResetPasswordRequest & { id: string }) =>
    api.post<void>(`/api/users/${id}/password`, { password }),
  );
}
