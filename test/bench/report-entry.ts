// What the report bench loads from a production build (see report.bench.ts): the report engine and the papaparse
// the engine bundles, so the floor and the report run the same shipped code in one process.
export { buildReport, readExport } from '../../core/report/index.ts';
export { RECORD_BATCHES } from '../../core/report/reader.ts';
export { TimeParser } from '../../core/report/time.ts';
export { default as Papa } from 'papaparse';
