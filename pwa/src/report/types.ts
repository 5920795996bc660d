// What crosses the worker boundary for a report: plain, structured-clonable data only.
import type { ExportFormat, Report } from '../../../core/report/types.ts';

export interface ReportRequest {
  /** A stored engagement's id; the worker reads the engagement from IndexedDB itself. */
  engagementId: string;
  format: ExportFormat;
  /** IANA zone of the export's zone-less timestamps; '' for none: the mapping's, else a zone-less time stops the run. */
  exportZone: string;
  /** Slash dates are day-first (31/12/2026). */
  dayFirst: boolean;
  /** Period on creation, [from, to), epoch ms. */
  from?: number;
  to?: number;
  /** The instant the clocks are evaluated at. */
  now: number;
  /** Helpdesk mapping id; absent: the first mapping of the export format's type. */
  helpdesk?: string;
}

export interface ReportProgress {
  /** Rows read from the export so far (the header excluded). */
  rows: number;
  bytes: number;
  /** The file's size in bytes. */
  total: number;
}

export type ReportOutcome =
  | { ok: true; fileName: string; report: Report }
  | {
      ok: false;
      fileName: string;
      canceled?: boolean;
      message: string;
      /** Where the export stopped the reading, when the reader knows (a timestamp without a zone, a missing column). */
      where?: { file: string; row?: number; column?: string };
    };
