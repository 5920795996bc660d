// What the worker does for the page, so parsing, indexing and markdown never block a tap.
import type { Engagement, Problem } from '../../../core/index.ts';
import type { ReportOutcome, ReportProgress, ReportRequest } from '../report/types.ts';

export type ImportStage = 'reading' | 'parsing' | 'validating' | 'storing' | 'indexing' | 'done';

export interface ImportProgress {
  stage: ImportStage;
  /** 0..1 across the whole import of this file. */
  fraction: number;
  fileName: string;
}

export type ImportOutcome =
  | { ok: true; fileName: string; id: string; title: string; version: number; replaced: boolean; unchanged: boolean; warnings: Problem[] }
  | { ok: false; fileName: string; problems: Problem[]; stored: false; reason?: string };

export interface SearchHit {
  engagementId: string;
  engagementTitle: string;
  kind: 'person' | 'party' | 'activity' | 'sla' | 'escalation' | 'oncall' | 'calendar' | 'runbook' | 'priority';
  title: string;
  /** A line of context for the hit (title, party, section). */
  detail: string;
  /** Hash route that opens the hit, e.g. "#/acme-ost/runbooks/ransomware". */
  href: string;
  score: number;
}

export interface WorkerApi {
  /**
   * Parse, validate and (only when it has no errors) store one engagement file in one transaction, keeping the
   * previous version as history; then refresh the search index. Problems carry the file name and line:column.
   */
  importFile(file: Blob, fileName: string, onProgress?: (p: ImportProgress) => void): Promise<ImportOutcome>;
  /** Re-import an earlier version's text as the newest version (the current one goes to history). */
  restore(id: string, version: number): Promise<ImportOutcome>;
  /** Validate without storing (the paste box's live check). */
  check(text: string, fileName: string): Promise<Problem[]>;
  /** Prefix and fuzzy search across every stored engagement. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Rebuild the index from the stored engagements if its cache key is stale; returns the number of documents. */
  ensureIndex(): Promise<number>;
  /** Markdown (GFM) to HTML; the page sanitizes it before it reaches the DOM. */
  renderMarkdown(markdown: string): Promise<string>;
  /**
   * The QBR report of a ticket export against a stored engagement. The file streams through the reader and the
   * KPIs, so its size is not what stays in memory. Progress comes at most every ~100 ms; returning false from
   * onProgress stops the run (the outcome then says it was canceled).
   */
  report(file: Blob, fileName: string, request: ReportRequest, onProgress?: (p: ReportProgress) => boolean | void): Promise<ReportOutcome>;
}

export type { Engagement };
