// On a phone the progress, the error and the result all start below the fold: the view brings each into sight as
// it appears, and puts the keyboard and screen reader at the start of an outcome.

function behavior(): ScrollBehavior {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** Scrolls `el` into sight; with `focus`, to the top of the page and focused (it needs tabIndex -1). */
export function reveal(el: HTMLElement | null | undefined, focus = false): void {
  if (!el) return;
  el.scrollIntoView({ behavior: behavior(), block: focus ? 'start' : 'nearest' });
  // preventScroll: the focus would jump there at once, cutting the smooth scroll short.
  if (focus) el.focus({ preventScroll: true });
}
