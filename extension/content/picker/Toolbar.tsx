// The picker's toolbar: which field the next click fills, and for each picked one the proposed selector and the
// value it reads. Everything shown from the page (values, labels, selectors built from its attributes) is rendered
// as text by Preact, never as markup.
import { PICK_FIELDS, PICK_LABELS, chosenOf, type PickField, type PickerDraft } from '../../picker-core/recipe.ts';

export interface ToolbarProps {
  draft: PickerDraft;
  error: string | null;
  busy: boolean;
  onSelectField(field: PickField): void;
  onNextProposal(field: PickField): void;
  onSave(): void;
  onCancel(): void;
}

export function Toolbar({ draft, error, busy, onSelectField, onNextProposal, onSave, onCancel }: ToolbarProps) {
  return (
    <div class="bar" role="dialog" aria-label="Teach Tandem this page">
      <h2>Teach Tandem this page</h2>
      <p class="muted">
        {draft.current ? `Click the ${PICK_LABELS[draft.current].toLowerCase()} on the page.` : 'All fields picked. Save, or click a field to pick it again.'}
      </p>
      <ol>
        {PICK_FIELDS.map((f) => {
          const pick = draft.picks[f];
          const p = chosenOf(pick);
          return (
            <li key={f} class={draft.current === f ? 'current' : undefined}>
              <button type="button" class="name" onClick={() => onSelectField(f)}>
                {PICK_LABELS[f]}
              </button>
              {pick && pick.proposals.length > 1 && (
                <button type="button" class="alt" title="Use the next proposal" onClick={() => onNextProposal(f)}>
                  {`${pick.chosen + 1}/${pick.proposals.length}`}
                </button>
              )}
              {p ? (
                <>
                  <code>{p.attribute ? `${p.selector} @${p.attribute}` : p.selector}</code>
                  <div class="value">{p.value || '(empty)'}</div>
                </>
              ) : pick ? (
                <div class="error">No selector picks out only this element; try its parent.</div>
              ) : (
                <div class="muted">not picked</div>
              )}
            </li>
          );
        })}
      </ol>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !chosenOf(draft.picks.priority)} onClick={onSave}>
          Save recipe
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <span class="muted">Enter saves · Esc cancels</span>
      </div>
    </div>
  );
}
