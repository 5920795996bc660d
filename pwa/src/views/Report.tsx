// The QBR report: drop a ticket export, the worker reads it against this engagement, and the attainment, response
// times, backlog and breaches come back as charts and tables, ready to download as CSV or PNG.
import { useEffect, useState } from 'preact/hooks';
import type { ExportFormat } from '../../../core/report/types.ts';
import { type Detected, FORMAT_LABELS, detectFormat } from '../report/format.ts';
import { useFileDrop } from '../report/drop.ts';
import { lastQuarter, type PeriodInput, periodFrom } from '../report/period.ts';
import { type ReportRunner, type RunState, useReportRun } from '../report/run.ts';
import type { ViewProps } from './props.ts';
import { ReportResult, where } from './ReportResult.tsx';
import './Report.css';

const ACCEPT = '.csv,.json,.ndjson,.txt,text/csv,application/json';
/** Enough of the file for its header row, however wide. */
const HEAD_BYTES = 64 * 1024;

export function ReportView({ engagement, now, run }: ViewProps & { run: ReportRunner }) {
  const zone = engagement.engagement.timeZone;
  const [file, setFile] = useState<File | null>(null);
  const [detected, setDetected] = useState<Detected | null>(null);
  const [format, setFormat] = useState<ExportFormat>('zendesk');
  // A zone the engagement file gives for its exports is the likeliest; otherwise the engagement's own.
  const [exportZone, setExportZone] = useState(engagement.helpdesks.find((h) => h.export?.timeZone)?.export?.timeZone ?? zone);
  const [dayFirst, setDayFirst] = useState(false);
  const [helpdesk, setHelpdesk] = useState('');
  const [period, setPeriod] = useState<PeriodInput>({ from: '', to: '' });
  const { state, start, cancel } = useReportRun(run);
  const range = periodFrom(period, zone);

  const build = (f: File, fmt: ExportFormat) => {
    if (!range.ok) return;
    void start(f, f.name, {
      engagementId: engagement.engagement.id, format: fmt, exportZone, dayFirst, now, from: range.from, to: range.to, helpdesk: helpdesk || undefined,
    });
  };
  const choose = async (f: File) => {
    setFile(f);
    const guess = detectFormat(f.name, await f.slice(0, HEAD_BYTES).text());
    setDetected(guess);
    setFormat(guess.format);
    build(f, guess.format);
  };
  const dragging = useFileDrop((f) => void choose(f));

  return (
    <div class="report-view" data-testid="view-report">
      <h1>Report</h1>
      <p class="muted">
        SLA attainment, response and resolution times, reopen rate and backlog from a helpdesk's ticket export, computed on this device: the file is
        not uploaded or stored.
      </p>
      <form
        class="card report-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (file) build(file, format);
        }}
      >
        <div class={`report-drop${dragging ? ' over' : ''}`} data-testid="report-drop">
          <p>{file ? <>Export: <strong class="mono">{file.name}</strong> ({file.size.toLocaleString('en-US')} bytes)</> : 'Drop a ticket export (CSV or JSON) anywhere on this page, or'}</p>
          <label class="report-pick">
            <input
              type="file"
              class="visually-hidden"
              accept={ACCEPT}
              data-testid="report-picker"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void choose(f);
                e.currentTarget.value = '';
              }}
            />
            <span aria-hidden="true">{file ? 'Choose another file…' : 'Choose a file…'}</span>
            <span class="visually-hidden">Choose a ticket export</span>
          </label>
        </div>
        <div class="report-options">
          <label>
            <span>Export format</span>
            <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)} data-testid="report-format" aria-describedby="report-format-why">
              {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
            </select>
            <span id="report-format-why" class="muted report-hint">{detected ? `Detected from the ${detected.reason}` : 'Detected when a file is chosen'}</span>
          </label>
          <label>
            <span>Time zone of the export's times</span>
            <select value={exportZone} onChange={(e) => setExportZone(e.currentTarget.value)} data-testid="report-zone">
              {zones(zone, exportZone).map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
            <span class="muted report-hint">Times written with an offset are read as written.</span>
          </label>
          <label>
            <span>Helpdesk mapping</span>
            <select value={helpdesk} onChange={(e) => setHelpdesk(e.currentTarget.value)} data-testid="report-helpdesk">
              <option value="">The first {FORMAT_LABELS[format].split(' ')[0]} mapping</option>
              {engagement.helpdesks.map((h) => <option key={h.id} value={h.id}>{h.name ?? h.id} ({h.type})</option>)}
            </select>
          </label>
          <fieldset class="report-period">
            <legend>Tickets created (dates in {zone})</legend>
            <label>
              <span>From</span>
              <input type="date" value={period.from} onInput={(e) => setPeriod({ ...period, from: e.currentTarget.value })} data-testid="report-from" />
            </label>
            <label>
              <span>To (included)</span>
              <input type="date" value={period.to} onInput={(e) => setPeriod({ ...period, to: e.currentTarget.value })} data-testid="report-to" />
            </label>
            <button type="button" onClick={() => setPeriod(lastQuarter(now, zone))}>Last quarter</button>
            <button type="button" onClick={() => setPeriod({ from: '', to: '' })}>All</button>
          </fieldset>
          <label class="report-check">
            <input type="checkbox" checked={dayFirst} onChange={(e) => setDayFirst(e.currentTarget.checked)} />
            <span>Dates are day first (31/12/2026)</span>
          </label>
        </div>
        {!range.ok && <p class="chip danger" role="alert">Period: {range.message}</p>}
        <button type="submit" class="primary" disabled={!file || !range.ok || state.phase === 'running'} data-testid="report-build">
          Build the report
        </button>
      </form>
      <RunStatus state={state} onCancel={cancel} />
      {state.phase === 'done' && state.outcome.ok && <ReportResult report={state.outcome.report} engagement={engagement} />}
    </div>
  );
}

function RunStatus({ state, onCancel }: { state: RunState; onCancel: () => void }) {
  // Announced politely and once per phase: a progress bar re-announced every 100 ms would drown a screen reader.
  const [announce, setAnnounce] = useState('');
  useEffect(() => {
    if (state.phase === 'running') setAnnounce(`Reading ${state.fileName}…`);
    else if (state.phase === 'done') setAnnounce(state.outcome.ok ? 'The report is ready.' : `The report failed: ${state.outcome.message}`);
  }, [state.phase]);
  return (
    <>
      <p class="visually-hidden" role="status">{announce}</p>
      {state.phase === 'running' && <Progress state={state} onCancel={onCancel} />}
      {state.phase === 'done' && !state.outcome.ok && !state.outcome.canceled && (
        <div class="card report-failed" role="alert" data-testid="report-error">
          <p>
            <strong>No report from {state.outcome.fileName}.</strong>
          </p>
          {state.outcome.where && <p class="mono where" data-testid="report-error-where">{where(state.outcome.where)}</p>}
          <p>{state.outcome.message}</p>
        </div>
      )}
    </>
  );
}

function Progress({ state, onCancel }: { state: Extract<RunState, { phase: 'running' }>; onCancel: () => void }) {
  const p = state.progress;
  const total = p?.total || state.size;
  const pct = total > 0 && p ? Math.min(100, Math.round((p.bytes / total) * 100)) : 0;
  const reading = !p || p.bytes < total;
  return (
    <div class="card report-progress" data-testid="report-progress">
      <label>
        {reading ? `Reading ${state.fileName}` : 'Computing the figures'}: {(p?.rows ?? 0).toLocaleString('en-US')} rows, {pct} %
        <progress max={100} value={pct} aria-valuetext={`${pct} %`} data-testid="report-progress-bar" />
      </label>
      <button type="button" onClick={onCancel}>Cancel</button>
    </div>
  );
}

/** The export's zone choices: every zone the browser knows, the engagement's first. */
function zones(first: string, chosen: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([first, chosen, 'UTC', ...all])];
}
