// Values each query rule refuses, derived from the rule alone: just outside its bounds, a
// fraction for an integer, a word for a number, a value outside its enum. The negative checks
// send them; a new parameter in the spec gets its cases with no edit here.
import type { ParamRule as QueryRule } from '@ofauth-mass-messages/spec';

/** An invalid value as the client is given it (typed) and as it is sent (text). */
export interface InvalidValue {
  typed: unknown;
  text: string;
}

const typedCase = (value: number | string | boolean): InvalidValue => ({
  typed: value,
  text: String(value),
});

/** The values `rule` refuses; empty for a free-form string (it refuses nothing). */
export function invalidValues(rule: QueryRule): InvalidValue[] {
  if (rule.enum) {
    const outside = `not-${rule.enum.map(String).join('-')}`;
    return [typedCase(outside)];
  }
  if (rule.type === 'boolean') return [{ typed: 'maybe', text: 'maybe' }];
  if (rule.type === 'string') return [];
  const cases: InvalidValue[] = [{ typed: 'ten', text: 'ten' }];
  if (rule.minimum !== undefined) cases.push(typedCase(rule.minimum - 1));
  if (rule.maximum !== undefined) cases.push(typedCase(rule.maximum + 1));
  if (rule.type === 'integer') cases.push(typedCase((rule.minimum ?? 0) + 0.5));
  return cases;
}
