// The hard RACI rules: exactly one Accountable and at least one Responsible per activity, in every variant.
import { raci as expand } from '../normalize.ts';
import type { Path } from '../types.ts';
import { type CheckContext, entries } from './context.ts';

export function checkRaci(ctx: CheckContext): void {
  for (const [id, a] of entries(ctx.file.activities)) {
    checkRow(ctx, a.name, expand(a.raci, a.owner), a.raci || a.owner ? ['activities', id, a.raci ? 'raci' : 'owner'] : ['activities', id]);
    if (a.afterHours) checkRow(ctx, `${a.name} (after hours)`, expand(a.afterHours.raci), ['activities', id, 'afterHours', 'raci']);
  }
}

function checkRow(ctx: CheckContext, name: string, row: Record<string, string[]>, path: Path): void {
  const who = (role: string) => Object.keys(row).filter((k) => row[k]!.includes(role));
  const accountable = who('A');
  const responsible = who('R');
  if (accountable.length === 0) ctx.problems.error('raci-one-a', `'${name}' has no Accountable party: exactly one is A`, path);
  if (accountable.length > 1) {
    ctx.problems.error('raci-one-a', `'${name}' has ${accountable.length} Accountable parties (${accountable.join(', ')}): exactly one is A`, path);
  }
  if (responsible.length === 0) ctx.problems.error('raci-no-r', `'${name}' has no Responsible party: at least one is R`, path);
}
