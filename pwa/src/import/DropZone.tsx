// Files can be dropped anywhere on the page; the overlay shows only while something is dragged over it.
import { useEffect, useState } from 'preact/hooks';
import { importFileList } from './sources.ts';

export function DropZone({ onSkipped }: { onSkipped: (names: string[]) => void }) {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = e.dataTransfer?.files;
      if (files?.length) void importFileList(files).then((skipped) => skipped.length && onSkipped(skipped));
    };
    addEventListener('dragenter', enter);
    addEventListener('dragleave', leave);
    addEventListener('dragover', overHandler);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragenter', enter);
      removeEventListener('dragleave', leave);
      removeEventListener('dragover', overHandler);
      removeEventListener('drop', drop);
    };
  }, [onSkipped]);
  return over ? <div class="drop-overlay" aria-hidden="true">Drop engagement files to import</div> : null;
}
