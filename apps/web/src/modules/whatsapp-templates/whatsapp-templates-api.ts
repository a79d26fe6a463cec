import type {
  SyncWhatsAppTemplatesRequest,
  WhatsAppTemplateList,
  WhatsAppTemplateSyncList,
} from '@parley/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

const whatsappTemplatesKey = ['whatsapp-templates'] as const;
const listsKey = [...whatsappTemplatesKey, 'list'] as const;
const syncsKey = [...whatsappTemplatesKey, 'syncs'] as const;

/** The synchronised WhatsApp templates, every sender's or one sender's (the composer's picker). */
export function useWhatsAppTemplates(sender: string | null, enabled = true) {
  const query = sender ? `?sender=${encodeURIComponent(sender)}` : '';
  return useQuery({
    queryKey: [...listsKey, sender],
    queryFn: ({ signal }) => api.get<WhatsAppTemplateList>(`/api/whatsapp-templates${query}`, { signal }),
    staleTime: 60_000,
    enabled,
  });
}

/** How each WhatsApp connection's last registry synchronisation went (supervisors, admins). */
export function useTemplateSyncs() {
  return useQuery({
    queryKey: syncsKey,
    queryFn: ({ signal }) => api.get<WhatsAppTemplateSyncList>('/api/whatsapp-templates/syncs', { signal }),
  });
}

/** "Sync now": reads the registry of one connection or of all, then shows the fresh templates. */
export function useSyncTemplates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SyncWhatsAppTemplatesRequest) =>
      api.post<WhatsAppTemplateSyncList>('/api/whatsapp-templates/sync', body),
    meta: { inlineError: true },
    onSuccess: (syncs) => {
      queryClient.setQueryData(syncsKey, syncs);
      void queryClient.invalidateQueries({ queryKey: listsKey });
    },
  });
}
