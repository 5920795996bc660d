// The static server the e2e tests and the benchmark stand on: types, caching, SPA fallback, mounts, traversal.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type Server } from '../../scripts/serve.ts';

let base: string;
let server: Server;

/** A raw request: fetch() would normalise "/../" away before it leaves the client. */
function get(path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, ko) => {
    const req = request({ hostname, port, path, method, headers: { Accept: 'text/html' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', ko);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tandem-serve-'));
  const files: Record<string, string> = {
    'v1/index.html': '<p>v1</p>',
    'v1/sw.js': 'self;',
    'v1/manifest.webmanifest': '{}',
    'v1/assets/app-abc123.js': 'export {};',
    'v1/assets/app-abc123.css': 'p{}',
    'v1/icons/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'v1/icons/icon-192.png': 'png',
    'v1/examples/acme.yaml': 'id: acme',
    'v1/notes.txt': 'txt',
    'v1/data.json': '{}',
    'v1/docs/index.html': '<p>docs</p>',
    'v2/index.html': '<p>v2</p>',
    'helpdesk/index.html': '<p>helpdesk</p>',
    'helpdesk/ticket.html': '<p>ticket</p>',
    'secret.txt': 'top secret',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(base, name, '..'), { recursive: true });
    await writeFile(join(base, name), text);
  }
  await symlink(join(base, 'secret.txt'), join(base, 'v1/link.txt'));
  server = await serve({ root: join(base, 'v1'), mounts: { '/demo-helpdesk/': join(base, 'helpdesk') } });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('serve', () => {
  test('listens on a free local port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test.each([
    ['/', 'text/html; charset=utf-8'],
    ['/sw.js', 'text/javascript; charset=utf-8'],
    ['/assets/app-abc123.css', 'text/css; charset=utf-8'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['/icons/icon-192.png', 'image/png'],
    ['/icons/icon.svg', 'image/svg+xml'],
    ['/examples/acme.yaml', 'text/yaml; charset=utf-8'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
  ])('%s is served as %s', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
  });

  test('sw.js and index.html must be revalidated; hashed assets may be cached for good', async () => {
    expect((await get('/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/app-abc123.js')).headers['cache-control']).toContain('immutable');
  });

  test('unknown paths without an extension fall back to index.html; missing assets are 404', async () => {
    const deep = await get('/acme-ost/now');
    expect(deep.status).toBe(200);
    expect(deep.body).toBe('<p>v1</p>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect((await get('/assets/missing-123.js')).status).toBe(404);
    expect((await get('/icons/nope.png')).status).toBe(404);
  });

  test('a directory serves its own index.html', async () => {
    expect((await get('/docs/')).body).toBe('<p>docs</p>');
  });

  test('HEAD has the headers and no body; other methods are refused', async () => {
    const head = await get('/sw.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('5');
    expect(head.body).toBe('');
    expect((await get('/sw.js', 'POST')).status).toBe(405);
  });

  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/icons/%2e%2e/%2e%2e/secret.txt',
    '/demo-helpdesk/..%2fsecret.txt',
    '/demo-helpdesk/..%2f..%2fsecret.txt',
    '/secret.txt%00.html',
    '/link.txt',
  ])('never serves a file outside the root: %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('top secret');
  });

  test('bad escapes are a 404, not a crash', async () => {
    expect((await get('/%E0%A4%A.js')).status).toBe(404);
    expect((await get('/')).status).toBe(200);
  });

  test('a mount serves its own directory under the prefix', async () => {
    expect((await get('/demo-helpdesk/')).body).toBe('<p>helpdesk</p>');
    expect((await get('/demo-helpdesk/ticket.html')).body).toBe('<p>ticket</p>');
    expect((await get('/demo-helpdesk/missing.html')).status).toBe(404);
    // No SPA fallback inside a mount: the demo page is not the app.
    expect((await get('/demo-helpdesk/some/route')).status).toBe(404);
    const bare = await get('/demo-helpdesk');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/demo-helpdesk/');
  });

  test('setRoot switches to another build (a deployment)', async () => {
    server.setRoot(join(base, 'v2'));
    try {
      expect((await get('/')).body).toBe('<p>v2</p>');
      expect((await get('/sw.js')).status).toBe(404);
      expect((await get('/demo-helpdesk/')).body).toBe('<p>helpdesk</p>');
    } finally {
      server.setRoot(join(base, 'v1'));
    }
    expect((await get('/')).body).toBe('<p>v1</p>');
  });
});
