// The QBR report: drop a ticket export, the worker reads it against this engagement, and the attainment, response
// times, backlog and breaches come back as charts and tables, ready to download as CSV or PNG.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../../core/report/types.ts';
import { type Detected, FORMAT_LABELS, detectFormat } from '../report/format.ts';
import { useFileDrop } from '../report/drop.ts';
import { lastQuarter, type PeriodInput, periodFrom } from '../report/period.ts';
import { reveal } from '../report/reveal.ts';
import { type ReportRunner, type RunState, useReportRun } from '../report/run.ts';
import { headText } from '../report/sniff.ts';
import { chosenMapping } from '../report/zone.ts';
import type { ViewProps } from './props.ts';
import { ReportResult, where } from './ReportResult.tsx';
import './Report.css';

const ACCEPT = '.csv,.json,.ndjson,.txt,text/csv,application/json';
/** Enough of the file for its header row, however wide. */
const HEAD_BYTES = 64 * 1024;

export function ReportView({ engagement, now, run }: ViewProps & { run: ReportRunner }) {
  const zone = engagement.engagement.timeZone;
  const [file, setFile] = useState<File | null>(null);
  const [ignored, setIgnored] = useState<string[]>([]);
  const [detected, setDetected] = useState<Detected | null>(null);
  const [format, setFormat] = useState<ExportFormat>('zendesk');
  const [formatPicked, setFormatPicked] = useState(false);
  // Null follows the mapping's export zone (as the CLI reads it); '' is none: the file's times carry offsets.
  const [zoneChoice, setZoneChoice] = useState<string | null>(null);
  const [dayFirst, setDayFirst] = useState(false);
  const [helpdesk, setHelpdesk] = useState('');
  const [period, setPeriod] = useState<PeriodInput>({ from: '', to: '' });
  const { state, start, cancel, reset } = useReportRun(run);
  const picker = useRef<HTMLInputElement>(null);
  const range = periodFrom(period, zone);

  const mappingZone = (fmt: ExportFormat) => chosenMapping(engagement, helpdesk, fmt)?.export?.timeZone;
  const zoneFor = (fmt: ExportFormat) => {
    const own = mappingZone(fmt);
    // "From the file" is offered only for a mapping without a zone: with one, core would read in it anyway.
    if (zoneChoice === '' && own) return own;
    // Without a zone in the mapping, the engagement's is the likeliest guess.
    return zoneChoice ?? own ?? zone;
  };
  const exportZone = zoneFor(format);

  const build = (f: File, fmt: ExportFormat) => {
    if (!range.ok) return;
    void start(f, f.name, {
      engagementId: engagement.engagement.id, format: fmt, exportZone: zoneFor(fmt), dayFirst, now, from: range.from, to: range.to, helpdesk: helpdesk || undefined,
    });
  };
  const choose = async (f: File, others: File[] = []) => {
    setFile(f);
    setIgnored(others.map((o) => o.name));
    // What was shown came from the previous file.
    reset();
    const head = await headText(f, HEAD_BYTES);
    const guess = head.ok ? detectFormat(f.name, head.text) : null;
    setDetected(guess);
    // Undetected (or not text, which the worker reports): the user's own choice stands, else generic.
    const fmt = guess?.format ?? (formatPicked ? format : 'generic');
    setFormat(fmt);
    build(f, fmt);
  };
  const dragging = useFileDrop((files) => void choose(files[0]!, files.slice(1)));
  const onCancel = () => {
    cancel();
    picker.current?.focus();
  };

  useEffect(() => {
    if (state.phase === 'done') reveal(document.getElementById(state.outcome.ok ? 'report-summary-title' : 'report-error-title'), true);
  }, [state.phase]);

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
          {file && ignored.length > 0 && (
            <p class="muted" data-testid="report-ignored">
              Using {file.name}; {ignored.join(', ')} {ignored.length === 1 ? 'was' : 'were'} not used: the Report view reads one export.
            </p>
          )}
          <label class="report-pick">
            <input
              ref={picker}
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
            <select
              value={format}
              onChange={(e) => {
                setFormat(e.currentTarget.value as ExportFormat);
                setFormatPicked(true);
                setZoneChoice(null);
              }}
              data-testid="report-format"
              aria-describedby="report-format-why"
            >
              {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
            </select>
            <span id="report-format-why" class="muted report-hint">{!detected ? 'Detected when a file is chosen' : detected.format ? `Detected from the ${detected.reason}` : `Not detected: ${detected.reason}`}</span>
          </label>
          <label>
            <span>Time zone of the export's times</span>
            <select value={exportZone} onChange={(e) => setZoneChoice(e.currentTarget.value)} data-testid="report-zone">
              {!mappingZone(format) && <option value="">From the file (times carry offsets)</option>}
              {zones(zone, exportZone).map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
            <span class="muted report-hint">Times written with an offset are read as written.</span>
          </label>
          <label>
            <span>Helpdesk mapping</span>
            <select
              value={helpdesk}
              onChange={(e) => {
                setHelpdesk(e.currentTarget.value);
                setZoneChoice(null);
              }}
              data-testid="report-helpdesk"
            >
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
        {!range.ok && file && state.phase === 'idle' && (
          <p data-testid="report-not-run">Not built: {range.message}. Fix the dates, then build the report.</p>
        )}
        <button type="submit" class="primary" disabled={!file || !range.ok || state.phase === 'running'} data-testid="report-build">
          Build the report
        </button>
      </form>
      <RunStatus state={state} onCancel={onCancel} />
      {state.phase === 'done' && state.outcome.ok && <ReportResult report={state.outcome.report} engagement={engagement} />}
    </div>
  );
}

function RunStatus({ state, onCancel }: { state: RunState; onCancel: () => void }) {
  // Announced politely and once per phase: a progress bar re-announced every 100 ms would drown a screen reader.
  const [announce, setAnnounce] = useState('');
  const progress = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.phase === 'running') setAnnounce(`Reading ${state.fileName}…`);
    else if (state.phase === 'done') setAnnounce(state.outcome.ok ? 'The report is ready.' : `The report failed: ${state.outcome.message}`);
    else if (state.phase === 'canceled') setAnnounce(`Canceled: no report from ${state.fileName}.`);
    else setAnnounce('');
    if (state.phase === 'running') reveal(progress.current);
  }, [state.phase]);
  return (
    <>
      <p class="visually-hidden" role="status">{announce}</p>
      {state.phase === 'running' && <Progress state={state} onCancel={onCancel} box={progress} />}
      {state.phase === 'done' && !state.outcome.ok && !state.outcome.canceled && (
        <div class="card report-failed" role="alert" data-testid="report-error">
          <h2 id="report-error-title" tabIndex={-1} class="reveal-target">
            No report from {state.outcome.fileName}.
          </h2>
          {state.outcome.where && <p class="mono where" data-testid="report-error-where">{where(state.outcome.where)}</p>}
          <p>{state.outcome.message}</p>
        </div>
      )}
    </>
  );
}

function Progress({ state, onCancel, box }: { state: Extract<RunState, { phase: 'running' }>; onCancel: () => void; box: Ref<HTMLDivElement> }) {
  const p = state.progress;
  const total = p?.total || state.size;
  const pct = total > 0 && p ? Math.min(100, Math.round((p.bytes / total) * 100)) : 0;
  const reading = !p || p.bytes < total;
  return (
    <div class="card report-progress reveal-target" data-testid="report-progress" ref={box}>
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
  return [...new Set([first, chosen, 'UTC', ...all])].filter((z) => z !== '');
}
