// parseEngagement: text → (YAML document with positions) → version upgrade → shape → cross checks → Engagement.
// It never throws: hostile input (alias bombs, deep nesting, binary, huge files) becomes problems.
import { LineCounter, isScalar, parseDocument, visit, type Document, type Node } from 'yaml';
import { checkCalendars, checkZones } from './checks/calendars.ts';
import { makeContext } from './checks/context.ts';
import { checkCoverage } from './checks/coverage.ts';
import { checkEscalation } from './checks/escalation.ts';
import { checkHelpdesks } from './checks/helpdesks.ts';
import { checkOncallCoverage } from './checks/oncall.ts';
import { checkOncall, checkPriorityMatrix, checkRunbooks } from './checks/misc.ts';
import { checkRaci } from './checks/raci.ts';
import { checkReferences } from './checks/references.ts';
import { checkSla } from './checks/sla.ts';
import { upgrade } from './migrate.ts';
import { normalize } from './normalize.ts';
import { Locator, ProblemList } from './problems.ts';
import { engagementFileSchema, type EngagementFile } from './schema.ts';
import { reportShape } from './shape.ts';
import type { Engagement, Path, Problem } from './types.ts';

export const MAX_FILE_CHARS = 20 * 1024 * 1024;

export interface ParseOptions {
  fileName?: string;
  /** The instant date-relative checks measure from (holidays in the next 12 months); defaults to now. */
  now?: number;
}

export type ParseResult =
  | { ok: true; engagement: Engagement; warnings: Problem[]; upgradedFrom?: number }
  | { ok: false; problems: Problem[] };

const CHECKS = [checkZones, checkReferences, checkRaci, checkCalendars, checkSla, checkEscalation, checkHelpdesks, checkCoverage, checkPriorityMatrix, checkOncall, checkRunbooks, checkOncallCoverage];

export function parseEngagement(text: string, opts: ParseOptions = {}): ParseResult {
  const lines = new LineCounter();
  const early = new ProblemList(new Locator(null, lines), opts.fileName);
  if (typeof text !== 'string') {
    early.addAt('error', 'not-text', 'expected the text of a YAML or JSON file', 1, 1);
    return { ok: false, problems: early.sorted() };
  }
  if (text.length > MAX_FILE_CHARS) {
    early.addAt('error', 'too-large', `the file has ${(text.length / 1048576).toFixed(1)} MB; an engagement file holds at most ${MAX_FILE_CHARS / 1048576} MB`, 1, 1);
    return { ok: false, problems: early.sorted() };
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    early.addAt('error', 'binary', 'this is binary data, not a YAML or JSON text file', line, nul - before.lastIndexOf('\n'));
    return { ok: false, problems: early.sorted() };
  }

  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, logLevel: 'error' });
  } catch (error) {
    early.addAt('error', 'yaml', `could not read the file: ${oneLine((error as Error).message)}`, 1, 1);
    return { ok: false, problems: early.sorted() };
  }
  const problems = new ProblemList(new Locator(doc, lines), opts.fileName);
  for (const e of doc.errors) {
    const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    problems.addAt('error', 'yaml', yamlMessage(e.message), line, col);
  }
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const at = nodePosition(pair.key as Node, lines);
        problems.addAt('error', 'yaml', 'a key must be plain text, not a list or a map', at.line, at.column);
      }
    },
  });
  if (problems.hasErrors) return { ok: false, problems: problems.sorted() };
  for (const w of doc.warnings) {
    const [line, col] = w.linePos?.[0] ? [w.linePos[0].line, w.linePos[0].col] : [1, 1];
    problems.addAt('warning', 'yaml', yamlMessage(w.message), line, col);
  }

  const version = upgrade(doc);
  if (!version.ok) {
    const at = nodePosition(version.node, lines);
    problems.addAt('error', version.code, version.message, at.line, at.column);
    return { ok: false, problems: problems.sorted() };
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = (error as Error).message;
    problems.addAt('error', 'yaml', /alias/i.test(message) ? 'too many aliases: the file expands beyond a sane size (an alias bomb?)' : oneLine(message), 1, 1);
    return { ok: false, problems: problems.sorted() };
  }

  const now = opts.now ?? Date.now();
  const shape = engagementFileSchema.safeParse(value);
  if (!shape.success) {
    reportShape(shape.error.issues, engagementFileSchema, value, problems);
    runChecksDespiteShape(value as EngagementFile, problems, new ProblemList(new Locator(doc, lines), opts.fileName), now);
    return { ok: false, problems: problems.sorted() };
  }
  const file: EngagementFile = shape.data;
  const ctx = makeContext(file, problems, now);
  for (const check of CHECKS) check(ctx);
  if (problems.hasErrors) return { ok: false, problems: problems.sorted() };
  const engagement = normalize(file);
  const warnings = problems.sorted();
  return version.from < 1 ? { ok: true, engagement, warnings, upgradedFrom: version.from } : { ok: true, engagement, warnings };
}

// A typo in one key should not hide a wrong reference elsewhere, so the cross checks run on a file whose shape is
// wrong too. They may meet values of the wrong type there: a check that throws is skipped, and what they report
// inside a part that already has a shape problem is dropped, since it would only repeat that problem.
function runChecksDespiteShape(file: EngagementFile, problems: ProblemList, scratch: ProblemList, now: number): void {
  const broken = problems.items.map((p) => p.path);
  const ctx = makeContext(file, scratch, now);
  for (const check of CHECKS) {
    try {
      check(ctx);
    } catch {
      // The shape problems already explain what this check could not read.
    }
  }
  const inside = (part: Path, path: Path) => part.length <= path.length && part.every((seg, i) => String(seg) === String(path[i]));
  problems.absorb(scratch, (p) => !broken.some((part) => inside(part, p.path)));
}

function nodePosition(node: Node | null, lines: LineCounter): { line: number; column: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

// yaml's messages end with a code excerpt of the source; the excerpt is noise in a one-line problem.
function yamlMessage(message: string): string {
  return oneLine(message.replace(/ at line \d+, column \d+:[\s\S]*$/, ''));
}

function oneLine(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return first.length > 160 ? `${first.slice(0, 160)}…` : first;
}
