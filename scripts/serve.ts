// A tiny static server for the built PWA (tests, benchmarks, local use), with no dependency.
// CLI: `tsx scripts/serve.ts dist/pwa 5173` prints the URL.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ServeOptions {
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Extra directories served under a path prefix, e.g. { '/demo-helpdesk/': 'test/fixtures/helpdesk' }. */
  mounts?: Record<string, string>;
}

export interface Server {
  /** Origin without a trailing slash, e.g. "http://127.0.0.1:40123". */
  url: string;
  close(): Promise<void>;
  /** Serve another directory from now on (simulates a deployment of a new build). */
  setRoot(dir: string): void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Vite puts content-hashed files under /assets/; they may be cached for good. Everything else (sw.js, index.html,
 * the manifest, icons) must be revalidated, or a deployment is not seen and the SW update check compares stale bytes.
 */
function cacheControl(urlPath: string): string {
  return urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Maps a URL path to a file strictly inside dir, or null (traversal, NUL bytes, bad escapes). */
export function resolveInside(dir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = resolve(dir, `.${sep}${decoded.replaceAll('\\', '/')}`);
  const rel = relative(dir, file);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return file;
}

async function fileAt(dir: string, urlPath: string): Promise<{ file: string; size: number } | null> {
  const candidate = resolveInside(dir, urlPath);
  if (!candidate) return null;
  try {
    let file = candidate;
    let info = await stat(file);
    if (info.isDirectory()) {
      file = resolve(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return null;
    // A symlink inside the root must not lead outside it.
    const [realRoot, realFile] = await Promise.all([realpath(dir), realpath(file)]);
    if (!realFile.startsWith(realRoot + sep)) return null;
    return { file, size: info.size };
  } catch {
    return null;
  }
}

export async function serve(opts: ServeOptions): Promise<Server> {
  let root = resolve(opts.root);
  const host = opts.host ?? '127.0.0.1';
  // Longest prefix first, so '/a/b/' wins over '/a/'.
  const mounts = Object.entries(opts.mounts ?? {})
    .map(([prefix, dir]) => [prefix.endsWith('/') ? prefix : `${prefix}/`, resolve(dir)] as const)
    .sort((a, b) => b[0].length - a[0].length);

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string, size: number, path: string) => {
    res.writeHead(status, {
      'Content-Type': contentType(file),
      'Content-Length': size,
      'Cache-Control': cacheControl(path),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
  const fail = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
    res.end(`${text}\n`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const raw = req.url ?? '/';
    // Parse only the path; a request line like "//evil/..." must not be read as a host.
    const path = raw.split(/[?#]/, 1)[0] || '/';
    if (!path.startsWith('/')) return fail(res, 400, 'Bad Request');

    for (const [prefix, dir] of mounts) {
      if (`${path}/` === prefix) return fail(res, 301, 'Moved', { Location: prefix });
      if (!path.startsWith(prefix)) continue;
      const found = await fileAt(dir, path.slice(prefix.length - 1));
      return found ? send(req, res, 200, found.file, found.size, path) : fail(res, 404, 'Not Found');
    }

    const found = await fileAt(root, path);
    if (found) return send(req, res, 200, found.file, found.size, path);
    // SPA fallback: an unknown path without an extension is a client route (a reload or a deep link).
    const last = path.slice(path.lastIndexOf('/') + 1);
    if (!last.includes('.') && resolveInside(root, path)) {
      const index = await fileAt(root, '/index.html');
      if (index) return send(req, res, 200, index.file, index.size, '/index.html');
    }
    return fail(res, 404, 'Not Found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    setRoot(dir) {
      root = resolve(dir);
    },
    close: () =>
      new Promise<void>((ok, ko) => {
        server.close((err) => (err ? ko(err) : ok()));
        // Browsers keep connections alive; without this, close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [dir = 'dist/pwa', portArg = '5173'] = process.argv.slice(2);
  const server = await serve({ root: dir, port: Number(portArg) });
  console.log(`Serving ${resolve(dir)} at ${server.url}/`);
}
