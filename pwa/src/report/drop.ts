// While the report view is open, a file dropped anywhere on the page is the export to report on. The shell's
// DropZone imports dropped files as engagements from bubble-phase window listeners; these capture-phase ones run
// first and stop the event, so a CSV dropped here is never offered to the engagement import.
import { useEffect, useRef, useState } from 'preact/hooks';

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** Calls onFiles with the dropped files (never none); returns whether files are being dragged over the page. */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  // The latest callback, without re-subscribing (and losing the drag depth) on every render.
  const latest = useRef(onFiles);
  latest.current = onFiles;
  useEffect(() => {
    let depth = 0;
    const take = (e: DragEvent) => {
      if (!hasFiles(e)) return false;
      e.stopPropagation();
      e.preventDefault();
      return true;
    };
    const enter = (e: DragEvent) => {
      if (!take(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!take(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragover = (e: DragEvent) => {
      if (take(e) && e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!take(e)) return;
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) latest.current(files);
    };
    const events = [['dragenter', enter], ['dragleave', leave], ['dragover', dragover], ['drop', drop]] as const;
    for (const [type, fn] of events) addEventListener(type, fn, true);
    return () => {
      for (const [type, fn] of events) removeEventListener(type, fn, true);
    };
  }, []);
  return over;
}
