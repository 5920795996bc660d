// One row per helpdesk origin the engagements name, with the one button that turns Tandem on or off there.
// Enabling is Chrome's permission prompt, which needs the click's gesture: the request goes out before any await.
import { useState } from 'preact/hooks';
import type { OriginInfo } from '../../shared/messages.ts';
import { disableOrigin, enableOrigin } from '../shared/permissions.ts';
import { messageOf } from '../shared/send.ts';

export function Sites({ origins, onChanged }: { origins: OriginInfo[] | null; onChanged: () => void | Promise<void> }) {
  if (origins === null) return <p class="muted">Loading sites…</p>;
  if (!origins.length) return <p data-testid="no-sites">No engagement names a helpdesk site yet.</p>;
  return (
    <ul class="sites" data-testid="site-list">
      {origins.map((o) => (
        <SiteRow key={o.origin} o={o} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function SiteRow({ o, onChanged }: { o: OriginInfo; onChanged: () => void | Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const settle = (work: Promise<boolean>, refusal: string) => {
    setBusy(true);
    setNote(null);
    void work
      .then(
        (done) => {
          if (!done) setNote(refusal);
        },
        (error: unknown) => setNote(messageOf(error)),
      )
      .then(() => onChanged())
      .finally(() => setBusy(false));
  };

  const enable = () => settle(enableOrigin(o.origin), `Permission refused: Tandem stays off on ${o.origin}.`);
  const disable = () => settle(disableOrigin(o.origin), `Chrome kept the permission for ${o.origin}; it may be required by your organisation.`);

  return (
    <li class="site card" data-testid={`site-${o.origin}`}>
      <div class="site-head">
        <h3>
          <code>{o.origin}</code>
        </h3>
        {o.managed && <span class="badge managed">Allowed by your organisation</span>}
      </div>
      {o.engagements.length > 0 && <p class="muted">Used by {o.engagements.join(', ')}</p>}
      <div class="actions">
        {o.granted ? (
          <>
            <span class="ok-text state">Enabled</span>
            <button type="button" onClick={disable} disabled={busy} aria-label={`Disable Tandem on ${o.origin}`}>
              Disable
            </button>
          </>
        ) : (
          <>
            <span class="muted state">Not enabled</span>
            <button type="button" class="primary" onClick={enable} disabled={busy} aria-label={`Enable Tandem on ${o.origin}`}>
              Enable
            </button>
          </>
        )}
      </div>
      {note && (
        <p role="alert" class="error-text">
          {note}
        </p>
      )}
    </li>
  );
}
