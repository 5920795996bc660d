// While the user picks, the page must not react to the clicks that pick: each pointer and click event outside our
// toolbar is stopped in the capture phase on window (before the page's own listeners on any element) and its
// default action prevented, so a picked link does not navigate and a picked button does not submit. Hover only
// moves our highlight and is left to the page. stop() removes every listener; nothing else was changed.

const BLOCKED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu', 'touchstart', 'touchend'] as const;

export interface CaptureHandlers {
  /** The element under a primary click (inside open shadow roots too). */
  pick(el: Element): void;
  hover(el: Element | null): void;
  /** Enter and Escape, unless typed in our own toolbar. */
  key(key: 'Enter' | 'Escape'): void;
}

function targetOf(event: Event): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : event.target instanceof Element ? event.target : null;
}

/** Starts intercepting; `ours` is our host element, whose events (the toolbar's) pass untouched. */
export function startCapture(win: Window, ours: Element, on: CaptureHandlers): () => void {
  const isOurs = (event: Event) => event.composedPath().includes(ours);
  const block = (event: Event) => {
    if (isOurs(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type === 'click' && (event as MouseEvent).button === 0) {
      const el = targetOf(event);
      if (el) on.pick(el);
    }
  };
  const move = (event: Event) => on.hover(isOurs(event) ? null : targetOf(event));
  const key = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    if (isOurs(event) && event.key === 'Enter') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    on.key(event.key);
  };
  const options = { capture: true } as const;
  for (const type of BLOCKED) win.addEventListener(type, block, options);
  win.addEventListener('pointermove', move, { capture: true, passive: true });
  win.addEventListener('keydown', key, options);
  return () => {
    for (const type of BLOCKED) win.removeEventListener(type, block, options);
    win.removeEventListener('pointermove', move, options);
    win.removeEventListener('keydown', key, options);
  };
}
