// Turns API values into table text. Pure functions, so the unit tests run them without a browser.

const DASH = '—';

/** `"5.00"` → `"$5.00"`; free or missing prices say so instead of showing `$0.00` or nothing. */
export function formatPrice(price: string | undefined, isFree?: boolean): string {
  if (isFree === true) return 'Free';
  if (price === undefined || price.trim() === '') return DASH;
  const amount = Number(price);
  // The API sends a decimal string; show anything else as-is rather than as NaN.
  if (!Number.isFinite(amount)) return price;
  return `$${amount.toFixed(2)}`;
}

/** Counts are optional in both endpoints: a missing count is a dash, never a zero. */
export function formatCount(count: number | undefined): string {
  return count === undefined ? DASH : count.toLocaleString('en-US');
}

/** ISO timestamps → `2026-11-20 18:42 UTC`; any other string is shown unchanged. */
export function formatDate(value: string | undefined): string {
  if (value === undefined || value === '') return DASH;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `fromUser` is `{ id, name }` or `{ id, _view }`: show the name when there is one. */
export function formatSender(fromUser: { id: number; name?: string }): string {
  return fromUser.name !== undefined && fromUser.name !== '' ? fromUser.name : `#${fromUser.id}`;
}

/** `[photo, photo, video]` → `"2 photos · 1 video"`; an empty list is a dash. */
export function formatMediaSummary(media: readonly { type: string }[]): string {
  if (media.length === 0) return DASH;
  const counts = new Map<string, number>();
  for (const item of media) counts.set(item.type, (counts.get(item.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`).join(' · ');
}
