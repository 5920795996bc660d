// "Teach Tandem this page": arms a picker session for the active tab, injects the picker (activeTab lets us, on a
// site Tandem is not enabled on too), and follows the picks the page reports. In normal use the popup closes as
// soon as the user clicks into the page, and the picker's own toolbar takes over; reopened, the popup shows the
// same draft and can save or cancel it.
import { useEffect, useState } from 'preact/hooks';
import type { PickerSession } from '../../background/recipes.ts';
import { PICK_FIELDS, PICK_LABELS, chosenOf, type PickField } from '../../picker-core/recipe.ts';
import type { Proposal } from '../../picker-core/selector.ts';
import { originOf } from '../shared/permissions.ts';
import { messageOf, sendPage } from '../shared/send.ts';

async function activeTab(): Promise<{ id: number; origin: string }> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const origin = originOf(tab?.url);
  if (tab?.id === undefined || !origin) throw new Error('Open the helpdesk ticket in this window first.');
  return { id: tab.id, origin };
}

const selectorText = (p: Proposal) => (p.attribute ? `${p.selector} @${p.attribute}` : p.selector);

/** Tells the picker in the tab to take itself out of the page; a tab that navigated away has none left. */
const closePicker = (tabId: number) => chrome.tabs.sendMessage(tabId, { type: 'picker:close' }).catch(() => undefined);

/** `pickerScript`: the picker's built file (main.tsx imports it with crxjs's `?script`). */
export function Teach({ pickerScript, onSaved }: { pickerScript: string; onSaved(): void }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [session, setSession] = useState<PickerSession | null>(null);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Proposals the user preferred here over the picker's choice, per field; sent with the save. */
  const [chosen, setChosen] = useState<Partial<Record<PickField, number>>>({});

  // A session may already run in this tab (the popup closed while the user picked).
  useEffect(() => {
    void activeTab()
      .then(async ({ id }) => {
        const s = await sendPage({ type: 'picker:state', tabId: id });
        if (s) {
          setTabId(id);
          setSession(s);
        }
      })
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (tabId === null || !chrome.storage?.onChanged) return;
    const key = `picker:${tabId}`;
    const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
      if (area === 'session' && key in changes) setSession((changes[key]!.newValue as PickerSession | undefined) ?? null);
    };
    chrome.storage.onChanged.addListener(listener);
    return () => chrome.storage.onChanged.removeListener(listener);
  }, [tabId]);

  const start = async () => {
    setBusy(true);
    setNote(null);
    try {
      const tab = await activeTab();
      await sendPage({ type: 'picker:arm', tabId: tab.id, origin: tab.origin });
      setTabId(tab.id);
      setSession({ origin: tab.origin, draft: null });
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [pickerScript] });
      setNote({ text: 'Click the ticket id on the page, then the priority, status, created time and organisation.', error: false });
    } catch (e) {
      setNote({ text: `Tandem cannot teach this page: ${messageOf(e)}`, error: true });
      setSession(null);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (tabId === null) return;
    setBusy(true);
    try {
      const result = await sendPage({ type: 'picker:save', tabId, chosen });
      if (result.ok) {
        await closePicker(tabId);
        setSession(null);
        setChosen({});
        setNote({ text: `Recipe saved for ${result.recipe.origin}.`, error: false });
        onSaved();
      } else setNote({ text: result.error, error: true });
    } catch (e) {
      setNote({ text: messageOf(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    if (tabId === null) return;
    await sendPage({ type: 'picker:cancel', tabId }).catch(() => undefined);
    await closePicker(tabId);
    setSession(null);
    setChosen({});
    setNote(null);
  };

  const draft = session?.draft;
  return (
    <section aria-label="Teach Tandem this page" class="teach" data-testid="teach">
      {!session ? (
        <button type="button" onClick={() => void start()} disabled={busy}>
          Teach Tandem this page
        </button>
      ) : (
        <>
          <ol class="picks">
            {PICK_FIELDS.map((f) => {
              const pick = draft?.picks[f];
              const index = chosen[f] !== undefined && pick && chosen[f]! < pick.proposals.length ? chosen[f]! : (pick?.chosen ?? 0);
              const p = pick?.proposals[index] ?? chosenOf(pick);
              return (
                <li key={f} data-testid={`pick-${f}`} class={draft?.current === f ? 'current' : undefined}>
                  <strong>{PICK_LABELS[f]}</strong>{' '}
                  {p ? (
                    <>
                      <code data-testid={`pick-${f}-selector`}>{selectorText(p)}</code> <span data-testid={`pick-${f}-value`}>{p.value}</span>
                      {pick && pick.proposals.length > 1 && (
                        <select
                          aria-label={`Selector for ${PICK_LABELS[f]}`}
                          data-testid={`pick-${f}-choose`}
                          value={String(index)}
                          onChange={(e) => {
                            const next = Number(e.currentTarget.value);
                            setChosen((c) => ({ ...c, [f]: next }));
                          }}
                        >
                          {pick.proposals.map((q, i) => (
                            <option key={i} value={String(i)}>
                              {`${selectorText(q)} (${q.kind})`}
                            </option>
                          ))}
                        </select>
                      )}
                    </>
                  ) : (
                    <span class="muted">{draft?.picks[f] ? 'no unique selector' : 'not picked'}</span>
                  )}
                </li>
              );
            })}
          </ol>
          <button type="button" class="primary" onClick={() => void save()} disabled={busy || !chosenOf(draft?.picks.priority)}>
            Save recipe
          </button>
          <button type="button" onClick={() => void cancel()} disabled={busy}>
            Cancel teaching
          </button>
        </>
      )}
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : 'muted'}>
          {note.text}
        </p>
      )}
    </section>
  );
}
