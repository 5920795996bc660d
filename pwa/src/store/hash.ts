// A content hash that is synchronous, so it can run inside an IndexedDB upgrade transaction (crypto.subtle is
// async and would let the transaction commit). It detects changed files and stale caches; it is not security.
export function hashText(text: string): string {
  // Two independent 32-bit FNV-1a lanes: a 64-bit result makes an accidental collision between versions negligible.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
