// The picker's stylesheet, inside its closed shadow root. The host layer is click-through (host.ts); only the
// toolbar takes pointer events, and it sits bottom-right, away from where helpdesks put a ticket's header.
export const PICKER_CSS = `
.box{position:fixed;pointer-events:none;border:2px solid #2563eb;background:rgba(37,99,235,.12);border-radius:3px;box-sizing:border-box}
.box.picked{border-color:#16a34a;background:rgba(22,163,74,.10)}
.tag{position:absolute;left:-2px;top:-20px;font:600 11px/18px system-ui,sans-serif;background:#16a34a;color:#fff;padding:0 5px;border-radius:3px;white-space:nowrap}
.bar{position:fixed;right:16px;bottom:16px;width:380px;max-height:70vh;overflow:auto;pointer-events:auto;background:#fff;color:#111;
  font:13px/1.4 system-ui,sans-serif;border:1px solid #cbd5e1;border-radius:8px;box-shadow:0 8px 30px rgba(0,0,0,.25);padding:10px 12px}
.bar h2{font-size:14px;margin:0 0 6px}
.bar ol{list-style:none;margin:0;padding:0}
.bar li{padding:5px 6px;border-radius:5px;margin:2px 0}
.bar li.current{background:#eff6ff;outline:1px solid #93c5fd}
.name{font-weight:600;background:none;border:0;padding:0;color:inherit;font:inherit;cursor:pointer}
code{display:block;font:12px ui-monospace,monospace;color:#1e3a8a;overflow-wrap:anywhere}
.value{overflow-wrap:anywhere;color:#334155}
.muted{color:#64748b}
.error{color:#b91c1c}
.actions{display:flex;gap:8px;margin-top:8px;align-items:center}
.actions button,.alt{font:inherit;border:1px solid #94a3b8;background:#f8fafc;border-radius:5px;padding:3px 10px;cursor:pointer;color:#111}
.actions .primary{background:#2563eb;border-color:#2563eb;color:#fff}
.alt{padding:0 6px;font-size:11px;margin-left:6px}
button:disabled{opacity:.5;cursor:default}
@media (prefers-color-scheme:dark){.bar{background:#0f172a;color:#e2e8f0;border-color:#334155}.bar li.current{background:#1e293b}code{color:#93c5fd}.value{color:#cbd5e1}
 .actions button,.alt{background:#1e293b;color:#e2e8f0;border-color:#475569}}
`;
