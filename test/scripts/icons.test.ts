// The committed icons: valid PNGs of the sizes the manifest promises, drawn by scripts/icons.ts as it stands now,
// with the maskable glyph inside the safe zone that launchers may crop to.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { crc32, encodePng, glyphExtent, ICONS, iconSvg, renderIcon } from '../../scripts/icons.ts';

const dir = fileURLToPath(new URL('../../pwa/public/icons/', import.meta.url));

/** A strict little PNG reader for what encodePng writes: checks signature, chunk CRCs, IHDR, filter bytes. */
function decodePng(bytes: Buffer): { width: number; height: number; rgba: Uint8Array } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length), `CRC of ${type}`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    types.push(type);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  expect(types[0]).toBe('IHDR');
  expect(types.at(-1)).toBe('IEND');
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba };
}

const pixel = (img: { width: number; rgba: Uint8Array }, x: number, y: number) =>
  [...img.rgba.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];

describe('icons', () => {
  test('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  test.each(Object.entries(ICONS))('%s is a valid PNG, up to date with scripts/icons.ts', (name, spec) => {
    const bytes = readFileSync(`${dir}${name}`);
    const img = decodePng(bytes);
    expect([img.width, img.height]).toEqual([spec.size, spec.size]);
    expect(bytes.equals(encodePng(spec.size, spec.size, renderIcon(spec))), 'rerun: npx tsx scripts/icons.ts').toBe(true);
    const centreRow = Math.floor(spec.size / 2);
    // The glyph is light on the slate tile.
    expect(pixel(img, Math.round(spec.size * (0.5 - 0.325 * spec.scale)), centreRow)[2]).toBeGreaterThan(200);
    expect(pixel(img, 2, centreRow)).toEqual([0x0f, 0x17, 0x2a, 255]);
    // Launcher icons are rounded tiles with transparent corners; maskable and Apple icons must be opaque.
    expect(pixel(img, 0, 0)[3]).toBe(spec.rounded ? 0 : 255);
  });

  test('the maskable glyph stays inside the 80 % safe zone, and every pixel outside it is plain tile', () => {
    const spec = ICONS['maskable-512.png']!;
    expect(glyphExtent(spec.scale)).toBeLessThan(0.4);
    const img = decodePng(readFileSync(`${dir}maskable-512.png`));
    const c = img.width / 2;
    const stray: string[] = [];
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (Math.hypot(x + 0.5 - c, y + 0.5 - c) <= 0.4 * img.width) continue;
        if (pixel(img, x, y).join() !== '15,23,42,255') stray.push(`${x},${y}`);
      }
    }
    expect(stray.slice(0, 5)).toEqual([]);
  });

  test('the favicon SVG is the committed one and has a viewBox', () => {
    const svg = readFileSync(`${dir}icon.svg`, 'utf8');
    expect(svg).toBe(iconSvg());
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 100 100">/);
  });

  test('every icon the manifest and index.html name exists', () => {
    const root = fileURLToPath(new URL('../../pwa/', import.meta.url));
    const named = [
      ...readFileSync(`${root}vite.config.ts`, 'utf8').matchAll(/src: '\/icons\/([^']+)'/g),
      ...readFileSync(`${root}index.html`, 'utf8').matchAll(/href="\/icons\/([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(named.length).toBeGreaterThanOrEqual(4);
    for (const name of named) expect(() => readFileSync(`${dir}${name}`), name).not.toThrow();
  });
});
