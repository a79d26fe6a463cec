import { runWidget } from './controller.ts';
import { createChatStorage } from './storage.ts';
import { createWidgetApi } from './widget-api.ts';

// Entry of widget.js: `<script src="https://parley.example/widget.js" data-widget-id="…" async>`.
// Everything renders inside an open shadow root on the host page (see docs/live-chat.md for why
// not an iframe); Parley's address is where the script came from.

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.widgetId) return current;
  return document.querySelector<HTMLScriptElement>('script[data-widget-id][src*="widget.js"]');
}

async function boot(script: HTMLScriptElement, widgetId: string): Promise<void> {
  // The folder the script was served from, so Parley may live under a path behind a proxy.
  const base = new URL('.', script.src).href.replace(/\/$/, '');
  const storage = createChatStorage(widgetId);
  const api = createWidgetApi(base, widgetId);
  let config: Awaited<ReturnType<typeof api.config>>;
  try {
    config = await api.config();
  } catch (error) {
    // Unknown or disabled widget, or this site is not among its allowed origins: show nothing.
    console.warn(`Parley chat: widget ${widgetId} is not available here`, error);
    return;
  }
  const host = document.createElement('div');
  host.setAttribute('data-parley-widget', widgetId);
  document.body.append(host);
  runWidget(host.attachShadow({ mode: 'open' }), config, api, storage);
}

const script = findScript();
const widgetId = script?.dataset.widgetId;
const loaded = (window as { __parleyWidgets?: Set<string> }).__parleyWidgets ?? new Set<string>();
(window as { __parleyWidgets?: Set<string> }).__parleyWidgets = loaded;
if (!script || !widgetId) {
  console.warn('Parley chat: add data-widget-id to the widget.js script tag');
} else if (!loaded.has(widgetId)) {
  loaded.add(widgetId);
  const start = () => void boot(script, widgetId);
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}
