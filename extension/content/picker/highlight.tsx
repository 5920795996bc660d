// Boxes drawn over page elements from inside our shadow root (position: fixed, click-through), so highlighting
// never touches the page's own DOM or styles.
export interface Box {
  rect: DOMRect;
  label?: string;
}

export function Boxes({ hover, picked }: { hover: DOMRect | null; picked: Box[] }) {
  const style = (r: DOMRect) => ({ left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  return (
    <>
      {picked.map((b, i) => (
        <div key={i} class="box picked" style={style(b.rect)}>
          {b.label && <span class="tag">{b.label}</span>}
        </div>
      ))}
      {hover && <div class="box" style={style(hover)} />}
    </>
  );
}
