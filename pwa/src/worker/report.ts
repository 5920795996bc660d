// The report run inside the worker: the dropped file streams through the export reader straight into the KPIs,
// so a year of tickets never sits in memory as one string, and the page only hears throttled progress.
import type { Engagement, HelpdeskMapping } from '../../../core/index.ts';
import { buildReport, findMapping, mappingTypeFor, readExport, readerOptionsFor } from '../../../core/report/index.ts';
import type { ExportReading } from '../../../core/report/types.ts';
import { ExportError } from '../../../core/report/problems.ts';
import { SNIFF_BYTES, notText, sniff } from '../report/sniff.ts';
import type { ReportOutcome, ReportProgress, ReportRequest } from '../report/types.ts';

/** Progress messages cross to the page; more than ~10 a second only costs the main thread frames. */
const PROGRESS_EVERY_MS = 100;

class Canceled extends Error {}

export async function reportFromFile(
  file: Blob,
  fileName: string,
  request: ReportRequest,
  engagement: Engagement,
  onProgress?: (p: ReportProgress) => boolean | void | Promise<boolean | void>,
): Promise<ReportOutcome> {
  const total = file.size;
  const kind = sniff(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!kind.text) return { ok: false, fileName, message: notText(fileName, kind.what) };
  let bytes = 0;
  // Bytes are counted before decoding: the decoded text's length is in UTF-16 units, not comparable to file.size.
  const counted = file.stream().pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, out) {
        bytes += chunk.byteLength;
        out.enqueue(chunk);
      },
    }),
  );
  let reading: ExportReading;
  let mapping: HelpdeskMapping;
  try {
    mapping = findMapping(engagement, request.helpdesk, mappingTypeFor(engagement, request.format));
    // The mapping's export block (column headers, the zone of zone-less times) under what the user chose here.
    // An empty zone is none chosen: the mapping's, or the reader asks for one at the first time without an offset.
    const options = readerOptionsFor(mapping, { ...(request.exportZone ? { exportZone: request.exportZone } : {}), dayFirst: request.dayFirst });
    reading = readExport(request.format, { name: fileName, text: counted.pipeThrough(new TextDecoderStream(kind.encoding)) }, options);
  } catch (error) {
    return { ok: false, fileName, message: error instanceof Error ? error.message : String(error) };
  }
  let last = 0;
  const report = async (force: boolean) => {
    const now = Date.now();
    if (!onProgress || (!force && now - last < PROGRESS_EVERY_MS)) return;
    last = now;
    // Awaited: the page's answer is how a cancel reaches a run that never yields to the worker's message loop.
    const go = await onProgress({ rows: reading.stats.rows, bytes, total });
    if (go === false) throw new Canceled();
  };
  async function* watched() {
    for await (const record of reading.records) {
      yield record;
      await report(false);
    }
  }
  try {
    await report(true);
    const result = await buildReport(engagement, watched(), {
      from: request.from,
      to: request.to,
      now: request.now,
      helpdesk: mapping.id,
      reading,
    });
    await report(true);
    return { ok: true, fileName, report: result };
  } catch (error) {
    if (error instanceof Canceled) return { ok: false, fileName, canceled: true, message: 'canceled' };
    if (error instanceof ExportError) {
      return {
        ok: false,
        fileName,
        // The view shows the place on its own line.
        message: error.reason,
        where: { file: error.file, ...(error.row === null ? {} : { row: error.row }), ...(error.column === null ? {} : { column: error.column }) },
      };
    }
    return { ok: false, fileName, message: error instanceof Error ? error.message : String(error) };
  }
}
