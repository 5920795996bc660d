// The problems the core validator found in one file, each with where it is (file:line:column), how bad it is,
// what is wrong, the path in the engagement, and the rule's code.
import type { Problem } from '../../../core/engagement/types.ts';

export function Problems({ problems, fileName, label }: { problems: Problem[]; fileName: string; label?: string }) {
  if (!problems.length) return null;
  return (
    <ol class="problems" aria-label={label ?? `Problems in ${fileName}`} data-testid="problems">
      {problems.map((p, i) => (
        <li key={i} class={`problem ${p.severity}`}>
          <code class="where">
            {p.file ?? fileName}:{p.line}:{p.column}
          </code>{' '}
          <span class={`severity ${p.severity}`}>{p.severity}</span> <span class="message">{p.message}</span>
          {p.path.length > 0 && (
            <>
              {' '}
              <span class="muted">
                at <code>{pathText(p.path)}</code>
              </span>
            </>
          )}{' '}
          <span class="muted code">({p.code})</span>
        </li>
      ))}
    </ol>
  );
}

// The same rendering as core/engagement/problems.ts pathText; that module imports the YAML parser.
export function pathText(path: Problem['path']): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : String(seg)), '');
}
