// One picking session in the page: our host element with its closed shadow root (host.ts), the event capture, and
// the draft the user builds. Each change goes to the background ('picker:update'), which keeps it for the popup;
// Enter or "Save recipe" asks it to save ('picker:done'). Done, Cancel, Escape or the popup's close message
// take everything of ours out of the page.
import { render } from 'preact';
import { PICK_FIELDS, PICK_LABELS, type PickField, type PickerDraft } from '../../picker-core/recipe.ts';
import { labelOf, proposeSelectors } from '../../picker-core/selector.ts';
import type { PickerRequest } from '../../shared/messages.ts';
import { createHost } from '../host.ts';
import { startCapture } from './capture.ts';
import { Boxes, type Box } from './highlight.tsx';
import { PICKER_CSS } from './picker.css.ts';
import { Toolbar } from './Toolbar.tsx';

export interface PickerSession {
  stop(): void;
}

export function startPicker(doc: Document = document): PickerSession {
  const host = createHost(doc);
  host.setStyle(PICKER_CSS);
  const hostEl = host.mount.getRootNode() instanceof ShadowRoot ? (host.mount.getRootNode() as ShadowRoot).host : null;
  let draft: PickerDraft = { url: location.href, picks: {}, current: 'id' };
  const elements = new Map<PickField, Element>();
  let hover: Element | null = null;
  let error: string | null = null;
  let busy = false;
  let stopped = false;

  const send = async (msg: PickerRequest): Promise<{ ok?: boolean; reason?: string } | undefined> => {
    try {
      return (await chrome.runtime.sendMessage(msg)) as { ok?: boolean; reason?: string } | undefined;
    } catch (e) {
      return { ok: false, reason: `Tandem's background did not answer (${(e as Error).message}).` };
    }
  };

  const nextField = (after: PickField): PickField | undefined => {
    const order = [...PICK_FIELDS.slice(PICK_FIELDS.indexOf(after) + 1), ...PICK_FIELDS];
    return order.find((f) => !draft.picks[f]);
  };

  const paint = () => {
    if (stopped) return;
    const picked: Box[] = [...elements].map(([f, el]) => ({ rect: el.getBoundingClientRect(), label: PICK_LABELS[f] }));
    render(
      <>
        <Boxes hover={hover?.getBoundingClientRect() ?? null} picked={picked} />
        <Toolbar
          draft={draft}
          error={error}
          busy={busy}
          onSelectField={(f) => update({ ...draft, current: f })}
          onNextProposal={(f) => {
            const pick = draft.picks[f];
            if (pick) update({ ...draft, picks: { ...draft.picks, [f]: { ...pick, chosen: (pick.chosen + 1) % pick.proposals.length } } });
          }}
          onSave={() => void finish(true)}
          onCancel={() => void finish(false)}
        />
      </>,
      host.mount,
    );
  };

  const update = (next: PickerDraft) => {
    draft = next;
    error = null;
    paint();
    void send({ type: 'picker:update', draft }).then((answer) => {
      if (answer?.ok === false) {
        error = answer.reason === 'refused' ? 'Tandem stopped this session; open the popup and start again.' : (answer.reason ?? 'Tandem could not keep this pick.');
        paint();
      }
    });
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopCapture();
    removeEventListener('scroll', repaint, true);
    removeEventListener('resize', repaint);
    chrome.runtime.onMessage.removeListener(onClose);
    render(null, host.mount);
    host.remove();
  };

  const finish = async (save: boolean) => {
    if (busy) return;
    if (!save) {
      stop();
      await send({ type: 'picker:done', save: false });
      return;
    }
    busy = true;
    paint();
    const answer = await send({ type: 'picker:done', save: true });
    busy = false;
    if (answer?.ok) stop();
    else {
      error = answer?.reason ?? 'Saving failed.';
      paint();
    }
  };

  const stopCapture = startCapture(window, hostEl ?? doc.documentElement, {
    pick(el) {
      const field = draft.current;
      if (!field) return;
      const proposals = proposeSelectors(el);
      elements.set(field, el);
      const label = labelOf(el)?.[1];
      const picks = { ...draft.picks, [field]: { proposals, chosen: 0, ...(label ? { label } : {}) } };
      draft = { url: location.href, picks };
      const current = nextField(field);
      update(current ? { ...draft, current } : draft);
    },
    hover(el) {
      hover = el;
      paint();
    },
    key(key) {
      void finish(key === 'Enter');
    },
  });

  const repaint = () => paint();
  addEventListener('scroll', repaint, { capture: true, passive: true });
  addEventListener('resize', repaint, { passive: true });

  // The popup saved or cancelled for us; only our own extension pages may say so (not another tab's script).
  const onClose = (message: unknown, sender: chrome.runtime.MessageSender) => {
    if (sender.id === chrome.runtime.id && !sender.tab && (message as { type?: unknown } | null)?.type === 'picker:close') stop();
  };
  chrome.runtime.onMessage.addListener(onClose);

  update(draft);
  return { stop };
}
