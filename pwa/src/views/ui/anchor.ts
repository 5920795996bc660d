/** Scroll the element whose data-anchor is `target` into view and move focus there for screen readers. */
export function scrollToAnchor(root: HTMLElement | null, target: string | undefined): void {
  if (!root || target === undefined) return;
  const el = Array.from(root.querySelectorAll<HTMLElement>('[data-anchor]')).find((e) => e.dataset.anchor === target);
  if (!el) return;
  el.scrollIntoView?.({ block: 'start' });
  el.focus?.({ preventScroll: true });
}
