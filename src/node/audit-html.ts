import { leakRows, phaseRows } from './audit-report';
import type { AuditReport, PageResult, PhaseResult } from './audit-types';
import { plural } from './text-table';

/**
 * The audit as one HTML file a site owner can send on: no script, no external resource, the screenshot inlined.
 * Every value from the page (URLs, names, config text) is escaped: the report renders text, never markup.
 */

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VERDICT = {
  pass: ['pass', 'Nothing of a not-allowed category left the pages before consent or after "Reject all".'],
  leak: ['fail', 'Something of a not-allowed category left the page before consent or after "Reject all".'],
  incomplete: ['incomplete', 'Some pages could not be audited.'],
} as const;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1f}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem}h3{font-size:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:break-all}
th{background:#f4f4f6}.verdict{padding:.75rem 1rem;border-radius:.5rem;font-weight:600}
.pass{background:#e6f4ea}.fail{background:#fce8e6}.incomplete{background:#fef7e0}
td.LEAK{color:#b3261e;font-weight:600}img{max-width:100%;border:1px solid #ddd}pre{background:#f4f4f6;padding:.75rem;overflow:auto}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}`;

function table(head: string[], rows: string[][], classes: (string | undefined)[][] = []): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(
      (row, i) =>
        `<tr>${row.map((c, j) => `<td${classes[i]?.[j] ? ` class="${esc(classes[i][j])}"` : ''}>${esc(c)}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

function phase(p: PhaseResult): string {
  const rows = phaseRows(p);
  const summary = rows.length
    ? table(
        ['', 'category', 'vendor', 'requests', 'cookies'],
        rows.map((r) => [r.status, r.category, r.vendor, String(r.requests), [...r.cookies].join(', ')]),
        rows.map((r) => [r.status]),
      )
    : '<p>No third-party request, no cookie.</p>';
  const record = p.record
    ? `<p>Consent record: id <code>${esc(p.record.id)}</code>, method <code>${esc(p.record.method)}</code>.</p>`
    : '';
  const requests = p.requests.length
    ? `<details><summary>${plural(p.requests.length, 'third-party request')}</summary>${table(
        ['time (ms)', 'type', 'URL', 'category', 'vendor', 'status'],
        p.requests.map((r) => [String(r.time), r.initiatorType, r.url, r.category ?? '?', r.vendor, r.status]),
      )}</details>`
    : '';
  const cookies = p.cookies.length
    ? `<details><summary>${plural(p.cookies.length, 'cookie')}</summary>${table(
        ['name', 'domain', 'path', 'expires', 'HttpOnly', 'category', 'vendor', 'status'],
        p.cookies.map((c) => [
          c.name,
          c.domain,
          c.path,
          c.expires,
          c.httpOnly ? 'yes' : 'no',
          c.category ?? '?',
          c.vendor,
          c.status,
        ]),
      )}</details>`
    : '';
  const held = p.heldBack.length
    ? `<details><summary>${p.heldBack.length} held back by Consentry</summary>${table(
        ['kind', 'URL or cookie', 'category', 'vendor'],
        p.heldBack.map((h) => [h.kind, h.url, h.category, h.vendor]),
      )}</details>`
    : '';
  return `<h3>${esc(p.label)}</h3>${record}${summary}${requests}${cookies}${held}`;
}

function page(p: PageResult): string {
  const title = `<h2>${esc(p.url)}</h2>`;
  if (p.error) return `${title}<p class="verdict incomplete">Could not audit: ${esc(p.error)}</p>`;
  const leaks = leakRows(p);
  return `${title}<p>${(p.durationMs / 1000).toFixed(1)} s · Consentry ${esc(p.loader ?? '?')} · classified with ${esc(
    p.config === 'page' ? "the page's own config" : p.config,
  )}</p>${p.console.map((c) => `<p>The loader said: <code>${esc(c)}</code></p>`).join('')}${
    p.screenshot
      ? `<figure><img alt="The page as a first-time visitor sees it, with the consent banner" src="data:image/jpeg;base64,${p.screenshot}"><figcaption>First view, before any decision.</figcaption></figure>`
      : ''
  }${
    leaks.length
      ? `<h3>Leaks</h3>${table(
          ['phase', 'kind', 'URL or cookie', 'what'],
          leaks.map((l) => [l.phase, l.kind, l.what, l.why]),
        )}`
      : ''
  }${p.phases.map(phase).join('')}`;
}

export function renderHtml(report: AuditReport): string {
  const [cls, sentence] = VERDICT[report.verdict];
  const unknown = report.unknown.hosts.length
    ? `<h2>Third parties not in the catalogue</h2><p>Add each host to <code>rules</code> (blocked until its category is allowed) or, if it does not track, to <code>allow</code>:</p><pre>${esc(
        JSON.stringify({ rules: report.unknown.rules, allow: report.unknown.allow }, null, 2),
      )}</pre>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Consentry audit: ${esc(report.url)}</title><style>${STYLE}</style></head>
<body><h1>Consentry audit: ${esc(report.url)}</h1>
<p class="verdict ${cls}">${esc(sentence)} ${report.leaks ? esc(`(${report.leaks} leaks)`) : ''}</p>
<dl><dt>Started</dt><dd>${esc(report.started)}</dd><dt>Browser</dt><dd>${esc(report.browser)}</dd>
<dt>Pages</dt><dd>${report.pages.length}</dd><dt>Exit code</dt><dd>${report.exitCode}</dd></dl>
<p>Each page was loaded in a fresh browser profile and observed in three phases: before any decision, after "Reject all"
and a reload, after "Accept all" and a reload. Every request to another site and every cookie was recorded and
classified with Consentry's tracker catalogue and the site's configuration.</p>
${report.pages.map(page).join('\n')}
${unknown}
</body></html>
`;
}
