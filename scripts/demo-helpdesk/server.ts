// A demo helpdesk for `npm start`: ticket pages the example engagement's generic recipe reads, and a copy of the
// example whose acme-portal mapping points at this server, so the extension's panel can be seen in a minute.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_TICKETS, SPA_SCRIPT, ticketPage } from './page.ts';

// A path, not a URL object: under a DOM test environment the global URL is the DOM's, which fs does not accept.
const EXAMPLE = join(dirname(fileURLToPath(import.meta.url)), '../../examples/acme-ost.yaml');

/** The example engagement with its generic helpdesk mapping moved to `origin`. */
export function demoEngagement(origin: string): string {
  const text = readFileSync(EXAMPLE, 'utf8');
  const moved = text.replace('url: "https://tickets.acme.example"', `url: "${origin}"`);
  if (moved === text) throw new Error('examples/acme-ost.yaml no longer has the acme-portal url this demo moves');
  return moved;
}

export async function startDemoHelpdesk(port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const started = Date.now();
  let origin = '';
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-cache' });
      res.end(body);
    };
    const ticket = /^\/ticket\/(\d+)$/.exec(path);
    const found = ticket && DEMO_TICKETS.find((t) => t.id === ticket[1]);
    if (found) return send(200, 'text/html', ticketPage(found, started - found.openedMinutesAgo * 60_000));
    if (path === '/spa.js') return send(200, 'text/javascript', SPA_SCRIPT);
    if (path === '/acme-ost.demo.yaml') return send(200, 'text/yaml', demoEngagement(origin));
    if (path === '/') {
      const links = DEMO_TICKETS.map((t) => `<li><a href="/ticket/${t.id}">#${t.id} ${t.title}</a></li>`).join('');
      return send(200, 'text/html', `<!doctype html><meta charset="utf-8"><title>Tandem demo helpdesk</title><h1>Tandem demo helpdesk</h1>
<p>1. Load <code>dist/extension</code> in Chrome (chrome://extensions, Developer mode, Load unpacked).</p>
<p>2. In Tandem's options, subscribe to ${origin}/acme-ost.demo.yaml (or import <a href="/acme-ost.demo.yaml" download>the file</a> and press Enable for ${origin}).</p>
<p>3. Open a ticket:</p><ul>${links}</ul>`);
    }
    send(404, 'text/plain', 'Not Found');
  });
  await new Promise<void>((ok) => server.listen(port, host, ok));
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return { url: origin, close: () => new Promise((ok) => server.close(() => ok())) };
}
