// Older files are upgraded on the YAML document itself, so every node keeps its position and problems found
// after the upgrade still point at the line the person wrote.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';

export const CURRENT_VERSION = 1;

type Migration = (doc: Document) => void;

/** migrations[n] upgrades format n to n + 1. */
export const migrations: Record<number, Migration> = {
  // Format 0 (the 2025 pilots) wrote snake_case keys and named two sections differently.
  0: (doc) => {
    renameKeys(doc.contents, (key, depth) => {
      if (depth === 0 && key === 'sla_policies') return 'sla';
      if (depth === 0 && key === 'escalation_policies') return 'escalation';
      if (depth === 0 && key === 'helpdesk_mappings') return 'helpdesks';
      return V0_KEYS[key];
    });
  },
};

const V0_KEYS: Record<string, string> = {
  time_zone: 'timeZone',
  pause_when: 'pauseWhen',
  warn_at: 'warnAt',
  applies_to: 'appliesTo',
  after_hours: 'afterHours',
  ticket_url: 'ticketUrl',
  last_tested: 'lastTested',
  approved_by: 'approvedBy',
  helpdesk_ids: 'helpdeskIds',
};

function renameKeys(node: unknown, rename: (key: string, depth: number) => string | undefined, depth = 0): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string') {
        const next = rename(pair.key.value, depth);
        if (next !== undefined) pair.key.value = next;
      }
      renameKeys(pair.value, rename, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) renameKeys(item, rename, depth + 1);
  }
}

export type VersionResult =
  | { ok: true; from: number }
  | { ok: false; code: string; message: string; node: Node | null };

/** Reads `tandem:` and upgrades the document in place to the current format. */
export function upgrade(doc: Document): VersionResult {
  const root = doc.contents;
  if (!isMap(root)) return { ok: false, code: 'not-a-map', message: 'an engagement file is a map of sections; it must start with `tandem: 1`', node: root as Node | null };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'tandem');
  if (!pair) return { ok: false, code: 'version-missing', message: '`tandem: 1` is required: it names the format version of this file', node: root };
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    return { ok: false, code: 'version-invalid', message: `\`tandem\` is the format version, a whole number such as 1; found ${JSON.stringify(value ?? null)}`, node: (pair.value as Node) ?? root };
  }
  if (value > CURRENT_VERSION) {
    return {
      ok: false,
      code: 'version-newer',
      message: `this file was made for a newer Tandem (format ${value}); this Tandem reads format ${CURRENT_VERSION} and older: update Tandem`,
      node: pair.value as Node,
    };
  }
  for (let v = value; v < CURRENT_VERSION; v++) migrations[v]!(doc);
  (pair.value as { value: unknown }).value = CURRENT_VERSION;
  return { ok: true, from: value };
}
