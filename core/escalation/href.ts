// The only link schemes Tandem ever renders from engagement data. On its own, with no imports, so the extension's
// content script can check hrefs without pulling the calendar code in.
const SAFE_SCHEMES = new Set(['http:', 'https:', 'tel:', 'sms:', 'mailto:', 'slack:']);

/** `href` if it uses one of the schemes a contact link may use, else null. */
export function safeHref(href: string): string | null {
  try {
    return SAFE_SCHEMES.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}
