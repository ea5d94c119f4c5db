/**
 * A cookie's lifetime as the preferences dialog shows it: `session`, `30 minutes`, `12 hours`, `30 days`,
 * `3 months`, `13 months`, `1 year`, `2 years`. Rounded so that a re-scan a few seconds later reads the same.
 */
const DAY = 86_400;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** `seconds` from when the cookie was written to when it expires; undefined or negative infinity: a session cookie. */
export function lifetimeText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return 'session';
  if (seconds <= 0) return 'expired';
  if (seconds < 5400) return plural(Math.max(1, Math.round(seconds / 60)), 'minute');
  if (seconds < DAY - 1800) return plural(Math.round(seconds / 3600), 'hour');
  const days = seconds / DAY;
  if (days < 59.5) return plural(Math.round(days), 'day');
  const years = days / 365.25;
  if (years >= 0.97 && Math.abs(years - Math.round(years)) < 0.03) return plural(Math.round(years), 'year');
  return plural(Math.round(days / 30.44), 'month');
}
