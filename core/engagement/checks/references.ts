// Every id the file mentions names something the file defines.
import { type CheckContext, entries, resolve } from './context.ts';

export function checkReferences(ctx: CheckContext): void {
  const { file } = ctx;
  file.engagement.approvedBy?.forEach((p, i) => resolve(ctx, p, ['person'], ['engagement', 'approvedBy', i]));
  for (const [id, party] of entries(file.parties)) {
    if (party.coverage !== undefined) resolve(ctx, party.coverage, ['calendar'], ['parties', id, 'coverage']);
    if (party.support?.hours !== undefined) resolve(ctx, party.support.hours, ['calendar'], ['parties', id, 'support', 'hours']);
  }
  for (const [id, person] of entries(file.people)) {
    resolve(ctx, person.party, ['party'], ['people', id, 'party']);
    person.contact?.forEach((c, i) => c.hours !== undefined && resolve(ctx, c.hours, ['calendar'], ['people', id, 'contact', i, 'hours']));
  }
  for (const [impact, row] of entries(file.priorityMatrix?.levels)) {
    for (const [urgency, p] of entries(row)) resolve(ctx, p, ['priority'], ['priorityMatrix', 'levels', impact, urgency]);
  }
  for (const [id, a] of entries(file.activities)) {
    for (const who of Object.keys(a.raci ?? {})) resolve(ctx, who, ['party', 'person'], ['activities', id, 'raci', who], { key: true });
    if (a.owner !== undefined) resolve(ctx, a.owner, ['party', 'person'], ['activities', id, 'owner']);
    if (a.afterHours) {
      resolve(ctx, a.afterHours.calendar, ['calendar'], ['activities', id, 'afterHours', 'calendar']);
      for (const who of Object.keys(a.afterHours.raci)) resolve(ctx, who, ['party', 'person'], ['activities', id, 'afterHours', 'raci', who], { key: true });
    }
  }
  for (const [id, s] of entries(file.sla)) {
    resolve(ctx, s.provider, ['party'], ['sla', id, 'provider']);
    resolve(ctx, s.customer, ['party'], ['sla', id, 'customer']);
    s.appliesTo?.activities?.forEach((a, i) => resolve(ctx, a, ['activity'], ['sla', id, 'appliesTo', 'activities', i]));
    s.appliesTo?.priorities?.forEach((p, i) => resolve(ctx, p, ['priority'], ['sla', id, 'appliesTo', 'priorities', i]));
    for (const [p, t] of entries(s.targets)) {
      resolve(ctx, p, ['priority'], ['sla', id, 'targets', p], { key: true });
      resolve(ctx, t.calendar, ['calendar'], ['sla', id, 'targets', p, 'calendar']);
    }
  }
  for (const [id, s] of entries(file.oncall)) {
    if (s.party !== undefined) resolve(ctx, s.party, ['party'], ['oncall', id, 'party']);
    s.layers.forEach((l, li) => l.members.forEach((m, mi) => resolve(ctx, m, ['person'], ['oncall', id, 'layers', li, 'members', mi])));
    s.overrides?.forEach((o, i) => resolve(ctx, o.person, ['person'], ['oncall', id, 'overrides', i, 'person']));
    if (s.fallback !== undefined) resolve(ctx, s.fallback, ['person', 'party'], ['oncall', id, 'fallback']);
  }
  for (const [id, e] of entries(file.escalation)) {
    e.appliesTo?.priorities?.forEach((p, i) => resolve(ctx, p, ['priority'], ['escalation', id, 'appliesTo', 'priorities', i]));
    e.appliesTo?.activities?.forEach((a, i) => resolve(ctx, a, ['activity'], ['escalation', id, 'appliesTo', 'activities', i]));
    if (e.calendar !== undefined) resolve(ctx, e.calendar, ['calendar'], ['escalation', id, 'calendar']);
    for (const branch of ['steps', 'afterHours'] as const) {
      e[branch]?.forEach((step, si) => step.notify.forEach((t, ti) => {
        const path = ['escalation', id, branch, si, 'notify', ti];
        if (t.startsWith('oncall:')) resolve(ctx, t.slice(7), ['schedule'], path);
        else resolve(ctx, t, ['person', 'party'], path);
      }));
    }
  }
  file.helpdesks?.forEach((h, hi) => {
    for (const [native, p] of entries(h.priorities)) resolve(ctx, p, ['priority'], ['helpdesks', hi, 'priorities', native]);
    h.activities.forEach((r, ri) => {
      if ('default' in r) resolve(ctx, r.default, ['activity'], ['helpdesks', hi, 'activities', ri, 'default']);
      else resolve(ctx, r.activity, ['activity'], ['helpdesks', hi, 'activities', ri, 'activity']);
    });
    h.sla?.forEach((s, i) => resolve(ctx, s, ['sla'], ['helpdesks', hi, 'sla', i]));
  });
  for (const [id, r] of entries(file.runbooks)) {
    r.activities?.forEach((a, i) => resolve(ctx, a, ['activity'], ['runbooks', id, 'activities', i]));
    if (r.owner !== undefined) resolve(ctx, r.owner, ['party', 'person'], ['runbooks', id, 'owner']);
  }
}
