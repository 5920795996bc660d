// An engagement whose every free-text field carries an XSS payload. Each payload, if it ever ran, would call
// alert() or set window.__pwned, which the tests watch for.
import { exampleText } from './pwa.ts';

export const PAYLOADS = [
  '<script>window.__pwned=1;alert(1)</script>',
  '<img src=x onerror="window.__pwned=2;alert(2)">',
  '<svg onload="window.__pwned=3;alert(3)"><circle r=5 /></svg>',
  '<a href="javascript:window.__pwned=4;alert(4)">click</a>',
  '<iframe src="data:text/html,<script>parent.__pwned=5</script>"></iframe>',
  '"><details open ontoggle="window.__pwned=6;alert(6)">',
];

const q = (s: string) => JSON.stringify(s);

export function hostileEngagement(): string {
  let text = exampleText;
  const at = (pattern: RegExp, make: (indent: string, key: string) => string) => {
    const before = text;
    text = text.replace(pattern, (_m, indent: string, key: string) => make(indent, key));
    if (text === before) throw new Error(`hostile fixture: no match for ${pattern}`);
  };
  at(/^(  )(title): Acme Corp × On-Site Technology$/m, (i, k) => `${i}${k}: ${q(`Acme ${PAYLOADS[0]}`)}`);
  at(/^(    )(name): Jane Doe$/m, (i, k) => `${i}${k}: ${q(`Jane ${PAYLOADS[1]}`)}`);
  at(/^(    )(title): IT Manager$/m, (i, k) => `${i}${k}: ${q(`Manager ${PAYLOADS[2]}`)}`);
  at(/^(    )(name): On-Site Technology$/m, (i, k) => `${i}${k}: ${q(`OST ${PAYLOADS[3]}`)}`);
  at(/^(    )(name): Metro Fiber$/m, (i, k) => `${i}${k}: ${q(`Metro ${PAYLOADS[4]}`)}`);
  at(/^(    )(title): Internet circuit down at Newark HQ$/m, (i, k) => `${i}${k}: ${q(`ISP down ${PAYLOADS[5]}`)}`);
  at(/^(    )(name): Tier 1 intake, password and MFA resets$/m, (i, k) => `${i}${k}: ${q(`Tier 1 ${PAYLOADS[1]}`)}`);
  at(/^(        )(say): "P1 for Acme Corp: give the ticket number.*$/m, (i, k) => `${i}${k}: ${q(`Say ${PAYLOADS[0]} ${PAYLOADS[2]}`)}`);
  // The runbook body is markdown: raw HTML, javascript: and data: links, and an SVG payload.
  at(/^(    )(body): \|\n      \*\*Priority:\*\*/m, (i, k) =>
    `${i}${k}: |\n      ${PAYLOADS.join('\n      ')}\n\n      [run me](javascript:window.__pwned=7) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg4KTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(9))\n      ![pic](javascript:alert(10)) <a href="JaVaScRiPt:alert(11)">x</a>\n\n      **Priority:**`,
  );
  return text;
}
