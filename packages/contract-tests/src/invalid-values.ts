// Values each parameter rule refuses, derived from the rule alone: just outside its bounds, a
// fraction for an integer, a word for a number or a boolean, a value outside its enum, a date that
// is none (a word, a day the calendar lacks, the other of date and date-time), a string too short
// or too long. The negative checks send them; a new parameter in the spec gets its cases with no
// edit here.
import type { ParamRule } from '@ofauth-mass-messages/spec';

/** An invalid value as the client is given it (typed) and as it is sent (text). */
export interface InvalidValue {
  typed: unknown;
  text: string;
  /**
   * Whether the text, sent anyway, still reaches the operation: false for a path segment that
   * would make another path (empty, `.`, `..`), which the client alone can refuse.
   */
  onWire: boolean;
}

const sent = (value: number | string | boolean): InvalidValue => ({
  typed: value,
  text: String(value),
  onWire: true,
});

/** Not dates of each format: a word, a day no calendar has, the other format's shape. */
const NOT_DATES = {
  date: ['yesterday', '2026-02-30', '2026-11-01T00:00:00Z'],
  'date-time': ['yesterday', '2026-02-30T00:00:00Z', '2026-11-01'],
} as const;

/** The values `rule` refuses; empty for a free-form string (it refuses nothing). */
export function invalidValues(rule: ParamRule): InvalidValue[] {
  if (rule.enum) return [sent(`not-${rule.enum.map(String).join('-')}`)];
  if (rule.type === 'boolean') return [sent('maybe')];
  if (rule.type === 'string') {
    const cases: InvalidValue[] = [];
    if (rule.format) cases.push(...NOT_DATES[rule.format].map(sent));
    if (rule.maxLength !== undefined) cases.push(sent('x'.repeat(rule.maxLength + 1)));
    if (rule.in === 'path') {
      // A segment that is empty or a dot makes another path: only the client can refuse it.
      for (const text of ['', '.', '..']) cases.push({ typed: text, text, onWire: false });
    } else if ((rule.minLength ?? 0) > 0) {
      cases.push(sent(''));
    }
    return cases;
  }
  const cases: InvalidValue[] = [sent('ten')];
  if (rule.minimum !== undefined) cases.push(sent(rule.minimum - 1));
  if (rule.maximum !== undefined) cases.push(sent(rule.maximum + 1));
  if (rule.type === 'integer') cases.push(sent((rule.minimum ?? 0) + 0.5));
  return cases;
}
