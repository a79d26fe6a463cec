import { LiveChatSettings } from '@parley/contracts';
import { and, eq } from 'drizzle-orm';
import { channelConnections } from '../../modules/channel-connections/channel-connections.schema.ts';
import type { Orm } from '../../platform/db/client.ts';

/** An enabled live-chat connection as the visitor API uses it. */
export interface Widget {
  connectionId: string;
  /** The connection's sender: the id in the snippet, our address on LIVE_CHAT. */
  widgetId: string;
  settings: LiveChatSettings;
}

/**
 * Visitor calls read their widget on every request; a short cache keeps that off the database. An
 * admin's change (allowed origins, disabling) reaches visitors within this time.
 */
const CACHE_MS = 5000;
const MAX_CACHED = 1000;

async function loadWidget(orm: Orm, widgetId: string): Promise<Widget | undefined> {
  const [row] = await orm
    .select({ id: channelConnections.id, settings: channelConnections.settings })
    .from(channelConnections)
    .where(
      and(
        eq(channelConnections.provider, 'livechat'),
        eq(channelConnections.channel, 'LIVE_CHAT'),
        eq(channelConnections.sender, widgetId),
        eq(channelConnections.enabled, true),
      ),
    );
  if (!row) return undefined;
  const settings = LiveChatSettings.safeParse(row.settings);
  return settings.success ? { connectionId: row.id, widgetId, settings: settings.data } : undefined;
}

/** Finds enabled widgets by id, cached for a few seconds (unknown ids too, so guessing costs little). */
export function createWidgetDirectory(orm: Orm) {
  const cache = new Map<string, { widget: Widget | undefined; at: number }>();
  return async (widgetId: string): Promise<Widget | undefined> => {
    const hit = cache.get(widgetId);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.widget;
    const widget = await loadWidget(orm, widgetId);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(widgetId, { widget, at: Date.now() });
    return widget;
  };
}

export type WidgetDirectory = ReturnType<typeof createWidgetDirectory>;
