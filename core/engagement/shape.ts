// Turns zod's issues into problems a person can act on: a union reports the branch the value was meant for, a
// typo'd key gets "did you mean", a missing field is named, and every message says what was found.
import type { z } from 'zod';
import { ProblemList } from './problems.ts';
import { didYouMean } from './suggest.ts';
import type { Path } from './types.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

export function reportShape(issues: readonly Issue[], root: AnySchema, value: unknown, problems: ProblemList, base: Path = []): void {
  for (const issue of issues) {
    const path = [...base, ...(issue.path as Path)];
    switch (issue.code) {
      case 'invalid_union': {
        const branch = chooseBranch(issue.errors, valueAt(value, path));
        if (branch) reportShape(branch, root, value, problems, path);
        else problems.error('shape', issue.message === 'Invalid input' ? `unexpected ${describe(valueAt(value, path))}` : issue.message, path);
        break;
      }
      case 'unrecognized_keys': {
        const allowed = keysAt(root, path);
        for (const key of issue.keys) {
          const hint = didYouMean(key, allowed);
          const list = allowed.length > 0 && allowed.length <= 30 ? `; expected one of: ${allowed.join(', ')}` : '';
          problems.error('unknown-key', `unknown key '${key}'${hint ? `: did you mean '${hint}'?` : list}`, [...path, key], { key: true });
        }
        break;
      }
      case 'invalid_type': {
        const found = valueAt(value, path);
        if (found === undefined) {
          const field = path.at(-1);
          problems.error('missing', `'${String(field)}' is required`, path.slice(0, -1), { key: false });
        } else if (!issue.message.startsWith('Invalid input')) {
          problems.error('shape', issue.message, path);
        } else {
          problems.error('shape', `expected ${article(issue.expected)}, found ${describe(found)}`, path);
        }
        break;
      }
      case 'invalid_value': {
        const found = valueAt(value, path);
        const options = issue.values.map(String);
        const hint = typeof found === 'string' ? didYouMean(found, options) : null;
        problems.error(
          'shape',
          `${describe(found)} is not allowed here${hint ? `: did you mean '${hint}'?` : `; expected ${options.map((o) => `'${o}'`).join(', ')}`}`,
          path,
        );
        break;
      }
      case 'invalid_key': {
        const message = issue.issues[0]?.message ?? issue.message;
        problems.error('bad-key', `key '${String(path.at(-1))}': ${message}`, path, { key: true });
        break;
      }
      default:
        problems.error('shape', issue.message, path);
    }
  }
}

/** Picks the union branch whose type matched the value (it has no type error at the union itself). */
function chooseBranch(branches: Issue[][], value: unknown): Issue[] | null {
  const matching = branches.filter((b) => !b.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
  if (matching.length === 0) return null;
  if (value === null || typeof value !== 'object') return matching[0]!;
  return matching.reduce((best, b) => (b.length < best.length ? b : best));
}

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

function article(expected: string): string {
  const names: Record<string, string> = { object: 'a map', array: 'a list', record: 'a map', string: 'a string', number: 'a number', int: 'a whole number', boolean: 'true or false', tuple: 'a list' };
  return names[expected] ?? expected;
}

/** The keys an object schema allows at `path`, for "did you mean". */
export function keysAt(root: AnySchema, path: Path): string[] {
  let schemas: AnySchema[] = [root];
  for (const seg of [...path, null]) {
    const next: AnySchema[] = [];
    const expand = (s: AnySchema): AnySchema[] => {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') return expand(def.innerType as AnySchema);
      if (def.type === 'pipe') return expand(def.in as AnySchema);
      if (def.type === 'union') return (def.options as AnySchema[]).flatMap(expand);
      return [s];
    };
    const flat = schemas.flatMap(expand);
    if (seg === null) {
      return [...new Set(flat.flatMap((s) => {
        const def = s._zod.def as unknown as { type: string; shape?: Record<string, unknown>; keyType?: AnySchema };
        if (def.type === 'record' && def.keyType) {
          // A map keyed by a vocabulary (recipe fields, export columns): its words are the keys.
          const key = def.keyType._zod.def as unknown as { type: string; entries?: Record<string, string> };
          return key.type === 'enum' && key.entries ? Object.values(key.entries) : [];
        }
        return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
      }))];
    }
    for (const s of flat) {
      const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'object') {
        const child = (def.shape as Record<string, AnySchema>)[String(seg)];
        if (child) next.push(child);
      } else if (def.type === 'record') next.push(def.valueType as AnySchema);
      else if (def.type === 'array') next.push(def.element as AnySchema);
      else if (def.type === 'tuple') next.push(...(def.items as AnySchema[]));
    }
    schemas = next;
  }
  return [];
}
