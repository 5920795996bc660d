// Draws the PWA icons (two interlocking rings: two teams, one engagement) with Node alone, so the icons are
// reproducible and need no image tool or npm dependency. Run: `npx tsx scripts/icons.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

const SLATE: Rgb = [0x0f, 0x17, 0x2a];
const BLUE: Rgb = [0x93, 0xc5, 0xfd];
const PALE: Rgb = [0xe0, 0xf2, 0xfe];

/** The glyph in a unit box centred on 0,0: ring centres at ±D, centre-line radius R, stroke W, gap at crossings. */
const GLYPH = { D: 0.125, R: 0.2, W: 0.08, GAP: 0.03 } as const;

export interface IconSpec {
  size: number;
  /** Rounded-square tile with transparent corners; otherwise the tile fills the whole square (maskable, Apple). */
  rounded: boolean;
  /** Glyph scale relative to the tile. Maskable icons must keep everything inside the central 80 % circle. */
  scale: number;
}

export const ICONS: Record<string, IconSpec> = {
  'icon-192.png': { size: 192, rounded: true, scale: 1.08 },
  'icon-512.png': { size: 512, rounded: true, scale: 1.08 },
  'maskable-512.png': { size: 512, rounded: false, scale: 0.92 },
  'apple-touch-icon-180.png': { size: 180, rounded: false, scale: 1 },
};

/** Farthest glyph point from the centre, in tile units (used by the safe-zone test). */
export function glyphExtent(scale: number): number {
  return (GLYPH.D + GLYPH.R + GLYPH.W / 2) * scale;
}

/** Returns the colour at unit point (x, y) of a tile, or null when the point is outside the tile (transparent). */
function sample(x: number, y: number, spec: IconSpec): Rgb | null {
  if (spec.rounded && !insideRoundedSquare(x, y, 0.5, 0.22)) return null;
  const s = spec.scale;
  const u = x / s;
  const v = y / s;
  const ringA = Math.abs(Math.hypot(u + GLYPH.D, v) - GLYPH.R);
  const ringB = Math.abs(Math.hypot(u - GLYPH.D, v) - GLYPH.R);
  const half = GLYPH.W / 2;
  // Over-under: the left ring lies on top at the upper crossing, the right ring at the lower one. The ring on
  // top carries a slate outline (the gap) that cuts the ring below it.
  const [top, below, topColour, belowColour] = v < 0 ? [ringA, ringB, BLUE, PALE] : [ringB, ringA, PALE, BLUE];
  if (top < half) return topColour;
  if (top < half + GLYPH.GAP) return SLATE;
  if (below < half) return belowColour;
  return SLATE;
}

function insideRoundedSquare(x: number, y: number, half: number, radius: number): boolean {
  const qx = Math.max(Math.abs(x) - (half - radius), 0);
  const qy = Math.max(Math.abs(y) - (half - radius), 0);
  return Math.hypot(qx, qy) <= radius;
}

/** RGBA pixels, antialiased by averaging SS×SS samples per pixel (premultiplied while averaging). */
export function renderIcon(spec: IconSpec, ss = 4): Uint8Array {
  const { size } = spec;
  const out = new Uint8Array(size * size * 4);
  const n = ss * ss;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = sample((px + (sx + 0.5) / ss) / size - 0.5, (py + (sy + 0.5) / ss) / size - 0.5, spec);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(typed.length + 8);
  out.writeUInt32BE(data.length, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), typed.length + 4);
  return out;
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG; every scanline uses filter 0 (deflate does the work). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const hex = (c: Rgb) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** The favicon: the same drawing in vector form, with a slightly heavier stroke so it survives 16 px. */
export function iconSvg(): string {
  const { D, R, GAP } = GLYPH;
  const W = 0.1;
  const u = (v: number) => +(v * 100 + 50).toFixed(2);
  const r = +(R * 100).toFixed(2);
  const ring = (cx: number, stroke: string, width: number) =>
    `<circle cx="${u(cx)}" cy="50" r="${r}" fill="none" stroke="${stroke}" stroke-width="${+(width * 100).toFixed(2)}"/>`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">',
    '<defs><clipPath id="lower"><rect x="0" y="50" width="100" height="50"/></clipPath></defs>',
    `<rect width="100" height="100" rx="22" fill="${hex(SLATE)}"/>`,
    // Larger than in the PNGs: at 16 px every pixel of glyph counts.
    '<g transform="translate(50 50) scale(1.12) translate(-50 -50)">',
    ring(D, hex(PALE), W),
    ring(-D, hex(SLATE), W + 2 * GAP),
    ring(-D, hex(BLUE), W),
    // The right ring goes back on top below the middle line, so the rings interlock.
    `<g clip-path="url(#lower)">${ring(D, hex(SLATE), W + 2 * GAP)}${ring(D, hex(PALE), W)}</g>`,
    '</g>',
    '</svg>',
    '',
  ].join('');
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, spec] of Object.entries(ICONS)) {
    writeFileSync(join(dir, name), encodePng(spec.size, spec.size, renderIcon(spec)));
    written.push(name);
  }
  writeFileSync(join(dir, 'icon.svg'), iconSvg());
  written.push('icon.svg');
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = fileURLToPath(new URL('../pwa/public/icons', import.meta.url));
  for (const name of writeIcons(dir)) console.log(join('pwa/public/icons', name));
}
