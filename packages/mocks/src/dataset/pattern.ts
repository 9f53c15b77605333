// A string that matches a schema's `pattern`, drawn with the dataset's seeded random, so that a
// field the spec constrains by a regular expression (an id such as `^cmp_[a-z0-9]{8}$`) is
// generated like any other. The everyday subset of ECMAScript regular expressions: literals and
// escapes, `.`, `\d \w \s` (and their negations), classes with ranges (`[a-z0-9_]`, `[^…]`),
// groups and alternatives, and the quantifiers `? * + {n} {n,} {n,m}`. Lookarounds,
// backreferences, word boundaries and unicode properties are not: `patternString` returns
// undefined for them, and the mock refuses such a schema at start-up, naming it.
import type { Random } from './random.js';

/** Repeats of an open quantifier (`*`, `+`, `{n,}`) beyond its minimum, at most. */
const OPEN_EXTRA = 4;
/** Printable ASCII: what `.` and a negated class draw from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = '0123456789'.split('');
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', ...DIGITS, '_'];
const SPACE = [' '];

type Node =
  | { kind: 'chars'; set: string[] }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unsupported extends Error {}

function complement(set: string[]): string[] {
  return PRINTABLE.filter((char) => !set.includes(char));
}

/** The characters of `\d`, `\W`, … ; undefined for an escape that is a literal. */
function classEscape(letter: string): string[] | undefined {
  switch (letter) {
    case 'd':
      return DIGITS;
    case 'D':
      return complement(DIGITS);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE);
    default:
      return undefined;
  }
}

function literalEscape(letter: string): string {
  if (/[1-9bBpPkcux]/.test(letter)) throw new Unsupported(`\\${letter}`);
  return { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' }[letter] ?? letter;
}

function parse(pattern: string): Node[][] {
  let at = 0;
  const peek = () => pattern[at];

  function parseClass(): string[] {
    // After `[`.
    const negated = peek() === '^';
    if (negated) at++;
    const set: string[] = [];
    let first = true;
    while (at < pattern.length && (peek() !== ']' || first)) {
      first = false;
      let char = pattern[at++] as string;
      if (char === '\\') {
        const letter = pattern[at++] ?? '';
        const escaped = classEscape(letter);
        if (escaped) {
          set.push(...escaped);
          continue;
        }
        char = literalEscape(letter);
      }
      if (peek() === '-' && pattern[at + 1] !== ']' && at + 1 < pattern.length) {
        at++;
        let end = pattern[at++] as string;
        if (end === '\\') end = literalEscape(pattern[at++] ?? '');
        const [from, to] = [char.codePointAt(0) ?? 0, end.codePointAt(0) ?? 0];
        if (to < from) throw new Unsupported('a backwards range');
        for (let code = from; code <= to && code - from < 256; code++) {
          set.push(String.fromCodePoint(code));
        }
      } else set.push(char);
    }
    if (peek() !== ']') throw new Unsupported('an unclosed class');
    at++;
    const unique = [...new Set(set)];
    return negated ? complement(unique) : unique;
  }

  function parseAtom(): Node | undefined {
    const char = pattern[at++] as string;
    switch (char) {
      case '^':
      case '$':
        // Anchors: what is generated is the whole string anyway.
        return undefined;
      case '.':
        return { kind: 'chars', set: PRINTABLE };
      case '[':
        return { kind: 'chars', set: parseClass() };
      case '(': {
        if (peek() === '?') {
          if (pattern[at + 1] !== ':') throw new Unsupported('a lookaround or named group');
          at += 2;
        }
        const alternatives = parseAlternatives();
        if (pattern[at++] !== ')') throw new Unsupported('an unclosed group');
        return { kind: 'group', alternatives };
      }
      case '\\': {
        const letter = pattern[at++] ?? '';
        return { kind: 'chars', set: classEscape(letter) ?? [literalEscape(letter)] };
      }
      case '*':
      case '+':
      case '?':
      case '{':
        throw new Unsupported('a quantifier with nothing to repeat');
      default:
        return { kind: 'chars', set: [char] };
    }
  }

  function quantified(node: Node): Node {
    let min: number;
    let max: number;
    const char = peek();
    if (char === '?') [min, max] = [0, 1];
    else if (char === '*') [min, max] = [0, OPEN_EXTRA];
    else if (char === '+') [min, max] = [1, 1 + OPEN_EXTRA];
    else if (char === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at));
      if (!match) return node;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + OPEN_EXTRA;
      at += match[0].length - 1;
    } else return node;
    at++;
    // A lazy quantifier (`+?`) matches the same strings.
    if (peek() === '?') at++;
    return { kind: 'repeat', node, min, max };
  }

  function parseSequence(): Node[] {
    const sequence: Node[] = [];
    while (at < pattern.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      if (atom) sequence.push(quantified(atom));
    }
    return sequence;
  }

  function parseAlternatives(): Node[][] {
    const alternatives = [parseSequence()];
    while (peek() === '|') {
      at++;
      alternatives.push(parseSequence());
    }
    return alternatives;
  }

  const alternatives = parseAlternatives();
  if (at < pattern.length) throw new Unsupported(`an unexpected "${peek()}"`);
  return alternatives;
}

function draw(node: Node, random: Random): string {
  switch (node.kind) {
    case 'chars':
      return random.pick(node.set);
    case 'group':
      return random
        .pick(node.alternatives)
        .map((part) => draw(part, random))
        .join('');
    case 'repeat': {
      const times = random.int(node.min, Math.min(node.max, node.min + OPEN_EXTRA));
      return Array.from({ length: times }, () => draw(node.node, random)).join('');
    }
  }
}

const parsed = new Map<string, Node[][] | undefined>();

/** Whether `patternString` can draw strings for `pattern` (the start-up check asks). */
export function canDraw(pattern: string): boolean {
  if (!parsed.has(pattern)) {
    try {
      new RegExp(pattern, 'u');
      parsed.set(pattern, parse(pattern));
    } catch {
      parsed.set(pattern, undefined);
    }
  }
  return parsed.get(pattern) !== undefined;
}

/** A string matching `pattern`, or undefined when the pattern is outside the subset above. */
export function patternString(pattern: string, random: Random): string | undefined {
  if (!canDraw(pattern)) return undefined;
  const alternatives = parsed.get(pattern) as Node[][];
  const regexp = new RegExp(pattern, 'u');
  // A class such as [a-z] with a `u` flag, or an anchor inside an alternative, may make a draw
  // miss: a few more tries, then none.
  for (let attempt = 0; attempt < 8; attempt++) {
    const text = draw({ kind: 'group', alternatives }, random);
    if (regexp.test(text)) return text;
  }
  return undefined;
}
