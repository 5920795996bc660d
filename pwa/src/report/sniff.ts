// What a chosen file's first bytes say it is, before any reader sees it: drag and drop bypasses the picker's
// accept list, and Excel's "Unicode text" is UTF-16; both used to end as a puzzling "no id column".

/** Bytes enough for a magic number and a fair sample of NULs. */
export const SNIFF_BYTES = 4096;

export type Sniffed = { text: true; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { text: false; what: string };

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  // Also every .xlsx workbook, the likeliest mistake: the helpdesk's CSV opened and saved in Excel.
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or Excel workbook; save the sheet as CSV'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook; save the sheet as CSV'],
];

export function sniff(head: Uint8Array): Sniffed {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0xff, 0xfe])) return { text: true, encoding: 'utf-16le' };
  if (starts([0xfe, 0xff])) return { text: true, encoding: 'utf-16be' };
  for (const [sig, what] of MAGIC) if (starts(sig)) return { text: false, what };
  // No text encoding an export uses writes NUL, bar UTF-16, whose byte order mark was looked for above.
  if (head.includes(0)) return { text: false, what: 'binary data' };
  return { text: true, encoding: 'utf-8' };
}

export const notText = (fileName: string, what: string) => `${fileName} is not a text (CSV or JSON) export: it looks like ${what}`;

/** The file's first `bytes` as text, decoded as sniff() says, or why it is not text. */
export async function headText(file: Blob, bytes: number): Promise<{ ok: true; text: string } | { ok: false; what: string }> {
  const head = new Uint8Array(await file.slice(0, bytes).arrayBuffer());
  const s = sniff(head.subarray(0, SNIFF_BYTES));
  if (!s.text) return { ok: false, what: s.what };
  return { ok: true, text: new TextDecoder(s.encoding).decode(head) };
}
