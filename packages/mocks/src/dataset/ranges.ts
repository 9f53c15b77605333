// Date ranges: a page operation's `startDate`/`endDate` (or `from`/`to`, `since`/`until`)
// parameters of format date or date-time, and the item field they select on (`date` for
// `startDate`, `createdAt` for `startCreatedAt`, else the item's `date`, else its first field of
// a date format). The dataset and dynamic modes filter the records by it, and examples mode the
// examples' items; without a matching field the values are only checked (by core, like any).
import {
  type JsonObject,
  objectShape,
  type ParamRule,
  type RefRoot,
  typesOf,
} from '@ofauth-mass-messages/spec';
import type { Operation } from '@ofauth-mass-messages/spec/operations';

const START = /^(?:start|from|since|after)(.*)$/i;
const END = /^(?:end|to|until|before)(.*)$/i;
const DAY = 86_400_000;

export interface DateRange {
  start?: ParamRule;
  end?: ParamRule;
  /** The item field compared, when the item has one. */
  field?: string;
}

const isDated = (rule: ParamRule) => rule.format === 'date' || rule.format === 'date-time';
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The operation's date range, or undefined when it has no date parameter named as one. */
export function rangeOf(
  operation: Operation,
  itemSchema: unknown,
  root: RefRoot,
): DateRange | undefined {
  const start = operation.query.find((rule) => isDated(rule) && START.test(rule.name));
  const end = operation.query.find((rule) => isDated(rule) && END.test(rule.name));
  if (!start && !end) return undefined;
  const range: DateRange = {};
  if (start) range.start = start;
  if (end) range.end = end;
  if (itemSchema === undefined) return range;
  const { properties } = objectShape(itemSchema, root);
  const suffix = (start ? START.exec(start.name) : end ? END.exec(end.name) : null)?.[1] ?? '';
  const dated = Object.keys(properties).find((name) => {
    const schema = properties[name] as JsonObject;
    return (
      typeof schema === 'object' &&
      (schema.format === 'date' || schema.format === 'date-time') &&
      typesOf(schema).includes('string')
    );
  });
  const field = [lowerFirst(suffix), suffix, 'date', dated].find(
    (name) => name && Object.hasOwn(properties, name),
  );
  if (field) range.field = field;
  return range;
}

/** The names of the range's parameters (left out of the filters that pick a record set). */
export function rangeNames(range: DateRange | undefined): string[] {
  return [range?.start?.name, range?.end?.name].filter(
    (name): name is string => name !== undefined,
  );
}

/** A bound in epoch ms: a date's first (start) or last (end) millisecond, or a date-time's own. */
function bound(rule: ParamRule, value: unknown, edge: 'start' | 'end'): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (rule.format === 'date') {
    const day = Date.parse(`${value}T00:00:00Z`);
    return edge === 'start' ? day : day + DAY - 1;
  }
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Whether an item lies in the range a request asked for (both bounds included), or undefined
 * when nothing is to be filtered (no bound given, or no item field to compare).
 */
export function withinRange(
  range: DateRange | undefined,
  values: Record<string, unknown>,
): ((item: unknown) => boolean) | undefined {
  if (!range?.field) return undefined;
  const from = range.start && bound(range.start, values[range.start.name], 'start');
  const to = range.end && bound(range.end, values[range.end.name], 'end');
  if (from === undefined && to === undefined) return undefined;
  const field = range.field;
  return (item) => {
    const text = (item as Record<string, unknown> | null)?.[field];
    const time = typeof text === 'string' ? Date.parse(text) : Number.NaN;
    return (
      !Number.isNaN(time) &&
      (from === undefined || time >= from) &&
      (to === undefined || time <= to)
    );
  };
}
