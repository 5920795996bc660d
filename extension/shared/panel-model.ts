// What the background hands the content script: everything the panel shows, already computed, so the content
// script carries no engagement logic and no engagement file. Times are epoch ms.
import type { ClockState } from '../../core/sla/types.ts';
import type { ContactLink } from '../../core/escalation/contact.ts';
import type { FieldHealth, NativeSla } from './ticket.ts';

export interface Holder {
  role: 'R' | 'A';
  kind: 'party' | 'person';
  id: string;
  name: string;
  /** For a person, the party they belong to. */
  party?: string;
}

export interface ClockView {
  policy: string;
  policyName: string;
  kind: 'SLA' | 'OLA' | 'UC';
  /** Provider → customer party names. */
  between: string;
  metric: 'first_response' | 'next_response' | 'resolution';
  state: ClockState;
  paused: boolean;
  /** When it breaches if it keeps running (wall clock); null while paused, stopped or not started. */
  breachAt: number | null;
  breachedAt: number | null;
  /** Business time left at computedAt (negative once breached). */
  remainingMs: number;
  /** "4 h on Business hours (New York)". */
  target: string;
}

export interface PersonToCall {
  name: string;
  title?: string;
  party?: string;
  /** Only http(s), tel, sms, mailto and slack hrefs, from core's contactLink. */
  contacts: ContactLink[];
  /** "on call (Jane's week) until Mon 09:00" and the like. */
  note?: string;
}

export interface StepToCall {
  number: number;
  startsAt: number;
  /** The step's start as the engagement's zone reads it, e.g. "Sat 2026-11-28 02:45 EST". */
  startsAtText: string;
  say?: string;
  people: PersonToCall[];
}

export type EscalationView =
  | { ok: true; policy: string; branch: 'business-hours' | 'after-hours' | 'all-hours'; now: StepToCall | null; next: StepToCall | null }
  | { ok: false; reason: string };

export type PanelModel =
  | { ok: false; reason: string; ticketId?: string | null; health?: FieldHealth[] }
  | {
      ok: true;
      ticketId: string;
      engagement: { id: string; title: string };
      /** Why this engagement: the mapping's conditions in words. */
      matchedBy: string;
      priority: { id: string; name: string } | null;
      status: string | null;
      activity: { id: string; name: string };
      /** "rule 3: category matches 'Network*'" or "default". */
      rule: string;
      owners: Holder[];
      clocks: ClockView[];
      /** The helpdesk's own due times, labelled as the helpdesk's. */
      native: NativeSla[];
      escalation: EscalationView;
      /** "priority 'Urgent' is not mapped", "created time not found: clocks start at first sight". */
      notes: string[];
      health: FieldHealth[];
      computedAt: number;
    };
