import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticSite {
  /** The site's origin, e.g. http://127.0.0.1:43121 — another origin than Parley's. */
  url: string;
  close(): Promise<void>;
}

/**
 * A customer's website on its own port (so its own origin), serving one HTML page at `/` with the
 * given Content-Security-Policy, as a shop embedding the live-chat widget would.
 */
export async function startStaticSite(page: { html: string; csp: string }): Promise<StaticSite> {
  const server = createServer((request, response) => {
    if (request.url !== '/' && !request.url?.startsWith('/?')) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.csp,
      'cache-control': 'no-store',
    });
    response.end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
