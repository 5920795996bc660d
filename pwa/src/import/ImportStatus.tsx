// Progress and results of imports. A rejected file lists every problem with file:line:column; nothing stored
// changes, and the message says so.
import type { Problem } from '../../../core/index.ts';
import { type ImportJob, dismissJob, useImportJobs } from './jobs.ts';
import './import.css';

export function ImportStatus() {
  const jobs = useImportJobs();
  if (!jobs.length) return null;
  return (
    <section class="import-status" aria-label="Imports" data-testid="import-status">
      <ul>
        {jobs.map((job) => (
          <JobRow key={job.key} job={job} />
        ))}
      </ul>
    </section>
  );
}

function JobRow({ job }: { job: ImportJob }) {
  const o = job.outcome;
  if (!o) {
    const pct = Math.round((job.progress?.fraction ?? 0) * 100);
    return (
      <li class="card" data-testid="import-running">
        <label>
          Importing {job.fileName}: {job.progress?.stage ?? 'starting'}
          <progress max={100} value={pct} aria-valuetext={`${pct} %`} />
        </label>
      </li>
    );
  }
  if (o.ok) {
    return (
      <li class="card import-ok" data-testid="import-ok">
        <p role="status">
          <strong>{o.title}</strong> {o.unchanged ? `is already stored (version ${o.version}, same file)` : o.replaced ? `updated to version ${o.version}; the previous version is kept in history` : 'imported'}
          {o.warnings.length ? ` with ${o.warnings.length} warning${o.warnings.length === 1 ? '' : 's'}` : ''}.{' '}
          <a href={`#/${encodeURIComponent(o.id)}/now`}>Open</a>
        </p>
        {o.warnings.length > 0 && <ProblemList problems={o.warnings} fileName={o.fileName} />}
        <button type="button" onClick={() => dismissJob(job.key)}>Dismiss</button>
      </li>
    );
  }
  return (
    <li class="card import-failed" role="alert" data-testid="import-failed">
      <p>
        <strong>{o.fileName} was not imported.</strong> {o.reason ?? `${o.problems.filter((p) => p.severity === 'error').length} problem(s) must be fixed.`} Nothing
        stored was changed.
      </p>
      <ProblemList problems={o.problems} fileName={o.fileName} />
      <button type="button" onClick={() => dismissJob(job.key)}>Dismiss</button>
    </li>
  );
}

export function ProblemList({ problems, fileName }: { problems: Problem[]; fileName: string }) {
  if (!problems.length) return null;
  return (
    <ol class="problems" data-testid="problems">
      {problems.map((p, i) => (
        <li key={i} class={p.severity}>
          <span class="mono where">
            {p.file ?? fileName}:{p.line}:{p.column}
          </span>{' '}
          <span class={`chip ${p.severity === 'error' ? 'danger' : 'warn'}`}>{p.severity}</span> {p.message}
          {p.path.length > 0 && <span class="muted mono"> at {p.path.join('.')}</span>} <span class="muted">({p.code})</span>
        </li>
      ))}
    </ol>
  );
}
