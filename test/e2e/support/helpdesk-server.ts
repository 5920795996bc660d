// A fixture helpdesk on 127.0.0.1: the real tool's ticket paths serve the recorded pages and its API paths the
// recorded payloads (test/fixtures/helpdesks/<type>/routes.json names them). Two things make a recording usable
// in a live test:
// - time: every timestamp served is moved by one shift, so a ticket recorded on some day is "created minutes
//   ago" whenever the test runs, and the countdown is a few hours, not "breached 3 days ago";
// - change: a payload can be patched while the page is open (a status change for the pause test).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './build.ts';

export const FIXTURES = join(repoRoot, 'test/fixtures/helpdesks');
const SPA_SCRIPT_PATH = '/_fixture/spa.js';

interface Routes {
  /** Path (with query) → HTML file, relative to the fixture directory. */
  pages: Record<string, string>;
  /** Path (with query) → JSON file. */
  api: Record<string, string>;
  /** Headers every API request must carry (ServiceNow's X-UserToken), as the real API refuses without them. */
  headers?: Record<string, string>;
  /** Path → static file served as is (a page's own scripts), typed by its extension. */
  assets?: Record<string, string>;
}

const ASSET_TYPES: Record<string, string> = { js: 'text/javascript', css: 'text/css', json: 'application/json', html: 'text/html' };

export interface HelpdeskServerOptions {
  /** Added to every timestamp served (ms; whole seconds). */
  shiftMs?: number;
  /**
   * Zone of human-formatted page dates ("Fri Nov 27 04:50:12 2026", "27/11/2026 16:05"), shifted as wall-clock
   * times of that zone. Without it such dates are served as recorded.
   */
  pageZone?: string;
  /** A fixture directory other than test/fixtures/helpdesks/<type>. */
  dir?: string;
}

export interface HelpdeskServer {
  type: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  shiftMs: number;
  url(path: string): string;
  /** Replaces what an API route serves from now on (given the recorded JSON, before the shift). */
  patchJson(route: string, change: (recorded: any) => unknown): void;
  /** Replaces what a page route serves from now on (given the recorded HTML, before the shift). */
  patchPage(route: string, change: (recorded: string) => string): void;
  /** Every request, "METHOD path?query", in order. */
  requests: string[];
  close(): Promise<void>;
}

export function readRoutes(type: string, dir = join(FIXTURES, type)): Routes {
  return JSON.parse(readFileSync(join(dir, 'routes.json'), 'utf8')) as Routes;
}

export async function startHelpdesk(type: string, opts: HelpdeskServerOptions = {}): Promise<HelpdeskServer> {
  const dir = opts.dir ?? join(FIXTURES, type);
  const routes = readRoutes(type, dir);
  const shiftMs = Math.round((opts.shiftMs ?? 0) / 1000) * 1000;
  const pages = new Map(Object.entries(routes.pages).map(([route, file]) => [route, readFileSync(join(dir, file), 'utf8')]));
  const api = new Map(Object.entries(routes.api).map(([route, file]) => [route, readFileSync(join(dir, file), 'utf8')]));
  const requests: string[] = [];

  const find = <T>(map: Map<string, T>, pathAndQuery: string, pathname: string): T | undefined => map.get(pathAndQuery) ?? map.get(decodeURIComponent(pathAndQuery)) ?? map.get(pathname);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const pathAndQuery = url.pathname + url.search;
    requests.push(`${req.method} ${pathAndQuery}`);
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'read-only fixture');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }

    // The single-page apps' shared stand-in for in-app navigation (test/fixtures/helpdesks/spa.js).
    if (url.pathname === SPA_SCRIPT_PATH) return send(200, 'text/javascript', readFileSync(join(FIXTURES, 'spa.js'), 'utf8'));
    const asset = routes.assets?.[url.pathname];
    if (asset) return send(200, ASSET_TYPES[asset.split('.').pop()!] ?? 'application/octet-stream', readFileSync(join(dir, asset), 'utf8'));

    const json = find(api, pathAndQuery, url.pathname);
    if (json !== undefined) {
      for (const [name, value] of Object.entries(routes.headers ?? {})) {
        if (req.headers[name.toLowerCase()] !== value) return send(401, 'application/json', JSON.stringify({ error: { message: `missing ${name}` } }));
      }
      return send(200, 'application/json', shiftJson(json, shiftMs));
    }
    const page = find(pages, pathAndQuery, url.pathname);
    if (page !== undefined) return send(200, 'text/html', shiftText(page, shiftMs, opts.pageZone));
    return send(404, 'text/plain', `no fixture for ${pathAndQuery}`);
  };

  const server = createServer(handle);
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const known = (map: Map<string, string>, route: string) => {
    if (!map.has(route)) throw new Error(`${type} fixture has no route ${route}`);
    return map.get(route)!;
  };

  return {
    type,
    origin,
    port,
    shiftMs,
    url: (path) => `${origin}${path}`,
    patchJson(route, change) {
      const recorded = JSON.parse(known(api, route));
      const next = change(recorded);
      api.set(route, JSON.stringify(next === undefined ? recorded : next));
    },
    patchPage(route, change) {
      pages.set(route, change(known(pages, route)));
    },
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Moving recorded times. Formats seen in the fixtures: ISO 8601 with Z or an offset (Zendesk, Freshservice, Jira
// "…T09:05:00.000-0500"), ServiceNow's "YYYY-MM-DD HH:mm:ss", HaloPSA's zone-less "YYYY-MM-DDTHH:mm:ss" (UTC),
// Jira's epochMillis, and human page dates.

const ISO = /\b(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)\b/g;
const NAIVE = /\b(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\b/g;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function shiftIso(text: string, shiftMs: number): string {
  return text.replace(ISO, (whole, y, mo, d, h, mi, s, frac: string | undefined, zone: string) => {
    const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
    const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, frac ? Math.round(Number(frac) * 1000) : 0) - offsetMin * 60_000;
    // Written back in the same offset and precision, so a parser that only knows the recorded shape still reads it.
    const local = new Date(utc + shiftMs + offsetMin * 60_000);
    const secs = s === undefined ? '' : `:${pad(local.getUTCSeconds())}${frac ? `.${pad(local.getUTCMilliseconds(), 3).slice(0, frac.length - 1)}` : ''}`;
    return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}${secs}${zone}`;
  });
}

function shiftNaive(text: string, shiftMs: number): string {
  // A wall-clock time without a zone: moved as such (ServiceNow's value is UTC; its display value, the user's zone).
  return text.replace(NAIVE, (_w, y, mo, d, h, mi, s) => {
    const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + shiftMs);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  });
}

// HaloPSA's API writes UTC date-times without an offset ("2026-11-27T14:05:00", also with a fraction); moved as UTC.
// After shiftIso, so a time with Z or an offset is never matched here (the lookahead refuses them).
const NAIVE_T = /\b(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d{1,7})?(?![.\d]|Z|[+-]\d\d:?\d\d)/g;

function shiftNaiveT(text: string, shiftMs: number): string {
  return text.replace(NAIVE_T, (_w, y, mo, d, h, mi, s, frac: string | undefined) => {
    const t = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + shiftMs);
    return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${frac ?? ''}`;
  });
}

export function shiftJson(text: string, shiftMs: number): string {
  if (shiftMs === 0) return text;
  return shiftNaiveT(shiftNaive(shiftIso(text, shiftMs), shiftMs), shiftMs).replace(/("epochMillis"\s*:\s*)(\d{12,})/g, (_w, key: string, ms: string) => `${key}${Number(ms) + shiftMs}`);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HUMAN = /\b(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\b/g;
const DMY = /\b(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d)\b(?! ?[AaPp][Mm]\b)/g;
/** US 12-hour page dates (ConnectWise, Autotask, osTicket): "11/27/2026 9:05 AM", zero-padding kept as found. */
const MDY12 = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d)( ?)(AM|PM|am|pm)\b/g;
/** Page dates without seconds (GLPI): "2026-11-27 09:05"; "YYYY-MM-DD HH:mm:ss" is NAIVE's. */
const YMD_HM = /\b(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)\b(?!:\d)/g;

/** The wall-clock fields of an instant in a zone. */
export function wallClock(at: number, zone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year!, mo: +parts.month!, d: +parts.day!, h: +parts.hour! % 24, mi: +parts.minute!, s: +parts.second!, wd: WEEKDAYS.indexOf(parts.weekday!) };
}

/** The instant a wall-clock time of a zone names (the earlier one in a DST overlap). */
export function zonedInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string): number {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let at = guess;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(at, zone);
    at += guess - Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  }
  return at;
}

function shiftText(html: string, shiftMs: number, zone: string | undefined): string {
  if (shiftMs === 0) return html;
  let out = shiftJson(html, shiftMs);
  if (zone) {
    out = out.replace(HUMAN, (_w, _wd, mon: string, d, h, mi, s, y) => {
      const w = wallClock(zonedInstant(+y, MONTHS.indexOf(mon) + 1, +d, +h, +mi, +s, zone) + shiftMs, zone);
      return `${WEEKDAYS[w.wd]} ${MONTHS[w.mo - 1]} ${w.d} ${pad(w.h)}:${pad(w.mi)}:${pad(w.s)} ${w.y}`;
    });
    out = out.replace(DMY, (_w, d, mo, y, h, mi) => {
      const w = wallClock(zonedInstant(+y, +mo, +d, +h, +mi, 0, zone) + shiftMs, zone);
      return `${pad(w.d)}/${pad(w.mo)}/${w.y} ${pad(w.h)}:${pad(w.mi)}`;
    });
    out = out.replace(MDY12, (_w, mo: string, d: string, y, h: string, mi, space: string, ap: string) => {
      const h24 = (+h % 12) + (/p/i.test(ap) ? 12 : 0);
      const w = wallClock(zonedInstant(+y, +mo, +d, h24, +mi, 0, zone) + shiftMs, zone);
      const keep = (n: number, like: string) => (like.length === 2 ? pad(n) : String(n));
      const pm = w.h >= 12 ? 'PM' : 'AM';
      return `${keep(w.mo, mo)}/${keep(w.d, d)}/${w.y} ${h[0] === '0' ? pad(w.h % 12 || 12) : w.h % 12 || 12}:${pad(w.mi)}${space}${ap === ap.toLowerCase() ? pm.toLowerCase() : pm}`;
    });
    out = out.replace(YMD_HM, (_w, y, mo, d, h, mi) => {
      const w = wallClock(zonedInstant(+y, +mo, +d, +h, +mi, 0, zone) + shiftMs, zone);
      return `${w.y}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}`;
    });
  }
  return out;
}
