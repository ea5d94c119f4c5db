import type { AuditReport, CookieStatus, PageResult, PhaseResult, RequestStatus } from './audit-types';
import { plural, shortUrl, textTable } from './text-table';

/** The audit's text report: a short table per page and phase, the leaks with their evidence, a verdict. */

const STATUS: Record<RequestStatus | CookieStatus, string> = {
  leak: 'LEAK',
  unknown: 'LEAK',
  allowed: 'ok',
  'allow-list': 'allow list',
  'consent-mode': 'consent mode',
  unclassified: 'unclassified',
};

const counted = (p: PhaseResult) => p.phase !== 'accept';
const statusOf = (p: PhaseResult, s: RequestStatus | CookieStatus) =>
  s === 'unknown' && !counted(p) ? 'unknown' : STATUS[s];

export interface PhaseRow {
  status: string;
  category: string;
  vendor: string;
  requests: number;
  cookies: Set<string>;
}

/** One row per (status, category, vendor): how many requests, which cookies; leaks first. */
export function phaseRows(p: PhaseResult): PhaseRow[] {
  const rows = new Map<string, PhaseRow>();
  const row = (status: string, category: string | undefined, vendor: string) => {
    const key = `${status}\n${category}\n${vendor}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { status, category: category ?? '?', vendor, requests: 0, cookies: new Set() }));
    return r;
  };
  for (const r of p.requests) row(statusOf(p, r.status), r.category, r.vendor).requests++;
  for (const c of p.cookies)
    row(statusOf(p, c.status), c.category, c.status === 'unclassified' ? 'unclassified' : c.vendor).cookies.add(c.name);
  const order = ['LEAK', 'unknown', 'unclassified', 'consent mode', 'allow list', 'ok'];
  return [...rows.values()].sort(
    (a, b) =>
      order.indexOf(a.status) - order.indexOf(b.status) ||
      a.category.localeCompare(b.category) ||
      a.vendor.localeCompare(b.vendor),
  );
}

function phaseTable(p: PhaseResult): string {
  const sorted = phaseRows(p);
  if (!sorted.length) return '      (no third-party request, no cookie)';
  return textTable(
    [
      ['', 'category', 'vendor', 'requests', 'cookies'],
      ...sorted.map((r) => [r.status, r.category, r.vendor, String(r.requests), [...r.cookies].join(', ')]),
    ],
    '      ',
  );
}

export interface LeakRow {
  phase: string;
  /** The request's type, or `cookie`. */
  kind: string;
  /** The URL, or the cookie's name and domain. */
  what: string;
  why: string;
}

/** Each leak of a page once per phase (a URL asked for twice is one line). */
export function leakRows(page: PageResult): LeakRow[] {
  const rows: LeakRow[] = [];
  for (const p of page.phases.filter(counted)) {
    const seen = new Set<string>();
    for (const r of p.requests) {
      if ((r.status !== 'leak' && r.status !== 'unknown') || seen.has(r.url)) continue;
      seen.add(r.url);
      const what = r.category ? `${r.vendor} (${r.category})` : 'not in the catalogue';
      // A static tag is fetched by the preload scanner or runs before the loader: only marking it stops it.
      const hint = r.inHtml ? `; a tag in the page's HTML: mark it data-consent="${r.category ?? 'marketing'}"` : '';
      rows.push({ phase: p.label, kind: r.initiatorType, what: r.url, why: what + hint });
    }
    for (const c of p.cookies)
      if (c.status === 'leak')
        rows.push({
          phase: p.label,
          kind: 'cookie',
          what: `${c.name} (${c.domain})`,
          why: `${c.vendor} (${c.category})`,
        });
  }
  return rows;
}

function pageSection(page: PageResult, index: number, total: number): string {
  const path = new URL(page.url).pathname + new URL(page.url).search;
  const head = `${path}  (page ${index + 1} of ${total}, ${(page.durationMs / 1000).toFixed(1)} s)`;
  if (page.error) return `${head}\n  could not audit: ${page.error}\n`;
  const out = [`${head}  classified with ${page.config === 'page' ? "the page's config" : page.config}`];
  for (const line of page.console) out.push(`  the loader said: ${line}`);
  for (const p of page.phases) {
    const third = p.requests.length;
    out.push(
      `  ${p.label}: ${plural(third, 'third-party request')}, ${plural(p.cookies.length, 'cookie')}, ${p.heldBack.length} held back by Consentry`,
    );
    if (p.phase !== 'before' && !p.record)
      out.push(`      ! consentry.get() is null: the choice was not kept after the reload`);
    out.push(phaseTable(p));
  }
  const leaks = leakRows(page).map((l) => [l.phase, l.kind, shortUrl(l.what), l.why]);
  if (leaks.length) out.push('  leaks:', textTable(leaks, '    '));
  return out.join('\n') + '\n';
}

export function renderText(report: AuditReport): string {
  const out = [`Consentry audit of ${report.url}: ${plural(report.pages.length, 'page')}, ${report.browser}`, ''];
  for (const [i, p] of report.pages.entries()) out.push(pageSection(p, i, report.pages.length));
  const { hosts, rules, allow } = report.unknown;
  if (hosts.length) {
    out.push(
      `Not in the catalogue: ${plural(hosts.length, 'third-party host')}. Add each to "rules" (blocked until its category is`,
      'allowed) or, if it does not track (your CDN, fonts, an API), to "allow". Paste into consentry.json and keep one:',
      `  "rules": [\n${rules.map((r) => '    ' + JSON.stringify(r)).join(',\n')}\n  ],`,
      `  "allow": ${JSON.stringify(allow)}`,
      '',
    );
  }
  const all = report.pages.flatMap((p) => p.phases);
  if (all.some((p) => p.cookies.some((c) => c.status === 'unclassified')))
    out.push(
      'Unclassified cookies are listed for you to decide: `consentry scan` writes them into a list to classify.',
      '',
    );
  const denied = all
    .filter(counted)
    .reduce((n, p) => n + p.requests.filter((r) => r.status === 'consent-mode').length, 0);
  if (denied)
    out.push(
      `Note: ${plural(denied, 'Google tag request')} loaded with consent denied (Consent Mode "advanced"): not counted as leaks.`,
      '',
    );
  const audited = report.pages.filter((p) => !p.error).length;
  const failed = report.pages.length - audited;
  const onPages = report.pages.filter((p) => p.phases.some((ph) => ph.leaks)).length;
  if (report.verdict === 'pass')
    out.push(
      `PASS: nothing of a not-allowed category left ${audited === 1 ? 'the page' : `the ${audited} pages`} before consent or after Reject all.`,
    );
  else if (report.verdict === 'leak')
    out.push(
      `FAIL: ${plural(report.leaks, 'leak')} before consent or after Reject all, on ${onPages} of ${report.pages.length} ${report.pages.length === 1 ? 'page' : 'pages'}${failed ? `; ${failed} could not be audited` : ''}.`,
    );
  else
    out.push(
      `INCOMPLETE: ${failed} of ${plural(report.pages.length, 'page')} could not be audited; no leak on the others.`,
    );
  return out.join('\n') + '\n';
}
