// Edits of a YAML document as text, found by key paths (components → schemas → MassMessage), the
// way a person edits openapi.yaml: every line the edit does not touch stays as written (comments,
// anchors, flow lists, line breaks), so the diff is what a contributor's would be. Every lookup
// throws a SpecEditError naming the path it could not find, so a reworded spec breaks the proof
// loudly instead of proving nothing; a path is found by keys, not by the text around it, so an
// operation or schema added elsewhere in the document moves nothing.

export class SpecEditError extends Error {
  override name = 'SpecEditError';
}

/** A key's lines: `[start, end)` of the document's lines, the key's own line first. */
export interface Block {
  start: number;
  end: number;
  /** The key line's indentation, in spaces. */
  indent: number;
  /** The path that found it, for messages. */
  path: readonly string[];
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
/** Blank lines and comments belong to no block by their indentation. */
const isFiller = (line: string): boolean => {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A line that is the key `key` (plain, double- or single-quoted) at exactly `indent` spaces. */
function keyLine(key: string, indent: number): RegExp {
  const name = escapeRegExp(key);
  return new RegExp(`^ {${indent}}(?:${name}|"${name}"|'${name}'):(?: |$)`);
}

/** A key line: the key (plain or quoted, no colon in it), then its value on the line, if any. */
const KEY_AND_VALUE = /^ *(?:- )?(?:"[^"]*"|'[^']*'|[^:'"]+):(?: (.*))?$/;

const describePath = (path: readonly string[]) =>
  path.map((key) => JSON.stringify(key)).join(' → ');

/** The document's lines, and the one place they are looked up and changed. */
export class YamlText {
  private lines: string[];
  /** Names the edit in every message: `spec edit addRequiredField`. */
  private readonly edit: string;

  constructor(text: string, edit: string) {
    this.lines = text.split('\n');
    this.edit = edit;
  }

  toString(): string {
    return this.lines.join('\n');
  }

  fail(why: string): never {
    throw new SpecEditError(`spec edit ${this.edit}: ${why}`);
  }

  /** Where the lines inside a block (after its key line) end: its last non-filler line + 1. */
  private endOf(start: number, indent: number): number {
    let last = start;
    for (let i = start + 1; i < this.lines.length; i++) {
      const line = this.lines[i] as string;
      if (isFiller(line)) continue;
      if (indentOf(line) <= indent) break;
      last = i;
    }
    return last + 1;
  }

  /** The indentation of a block's children (undefined when the value is on the key's line). */
  private childIndent(block: Block): number | undefined {
    for (let i = block.start + 1; i < block.end; i++) {
      const line = this.lines[i] as string;
      if (!isFiller(line)) return indentOf(line);
    }
    return undefined;
  }

  /** The block of a key path, exactly one match at each level, or a SpecEditError naming it. */
  find(path: readonly string[]): Block {
    let within: Block = { start: -1, end: this.lines.length, indent: -1, path: [] };
    for (const [depth, key] of path.entries()) {
      const indent = depth === 0 ? 0 : this.childIndent(within);
      const here = path.slice(0, depth + 1);
      if (indent === undefined) this.fail(`${describePath(here)} not found (no children)`);
      const pattern = keyLine(key, indent);
      const found: number[] = [];
      for (let i = within.start + 1; i < within.end; i++) {
        if (pattern.test(this.lines[i] as string)) found.push(i);
      }
      if (found.length !== 1) {
        this.fail(
          `${describePath(here)} ${found.length === 0 ? 'not found' : `found ${found.length} times`}`,
        );
      }
      const start = found[0] as number;
      within = { start, end: this.endOf(start, indent), indent, path: here };
    }
    return within;
  }

  has(path: readonly string[]): boolean {
    try {
      this.find(path);
      return true;
    } catch (error) {
      if (error instanceof SpecEditError) return false;
      throw error;
    }
  }

  /** The text after `key:` on the key's own line (`[id, text]`, `"#/components/…"`, ``). */
  valueOf(path: readonly string[]): string {
    const { start } = this.find(path);
    const match = (this.lines[start] as string).match(KEY_AND_VALUE);
    return (match?.[1] ?? '').trim();
  }

  /** Sets a key's value written on its own line (`type: string` → `type: [string, "null"]`). */
  setValue(path: readonly string[], value: string): void {
    const block = this.find(path);
    if (block.end !== block.start + 1) this.fail(`${describePath(path)} is not a one-line value`);
    const line = this.lines[block.start] as string;
    const old = this.valueOf(path);
    this.lines[block.start] = `${line.slice(0, line.length - old.length)}${value}`;
  }

  /** A one-line flow list (`required: [id, text]`), its items as written. */
  flowList(path: readonly string[]): string[] {
    const value = this.valueOf(path);
    const match = value.match(/^\[(.*)\]$/);
    if (!match) this.fail(`${describePath(path)} is not a one-line flow list: ${value}`);
    return (match[1] as string)
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }

  setFlowList(path: readonly string[], items: readonly string[]): void {
    this.setValue(path, `[${items.join(', ')}]`);
  }

  /** The lines of a block, its key line included, as written. */
  blockText(path: readonly string[]): string[] {
    const { start, end } = this.find(path);
    return this.lines.slice(start, end);
  }

  /** The lines under a key (its value written as a block), shifted to column 0. */
  childText(path: readonly string[]): string[] {
    const block = this.find(path);
    const indent = this.childIndent(block);
    if (indent === undefined) this.fail(`${describePath(path)} has no block value`);
    return this.lines
      .slice(block.start + 1, block.end)
      .map((line) =>
        isFiller(line) && indentOf(line) < indent ? line.trim() : line.slice(indent),
      );
  }

  /**
   * Writes `lines` (at column 0) as the last children of a mapping, at its children's
   * indentation: a new property at the end of `properties`, a new path at the end of `paths`.
   */
  appendTo(path: readonly string[], lines: readonly string[]): void {
    const block = this.find(path);
    const indent = this.childIndent(block);
    if (indent === undefined) this.fail(`${describePath(path)} has no children to append to`);
    this.lines.splice(block.end, 0, ...shift(lines, indent));
  }

  /** Replaces a key's value by `lines` (at column 0), written as its block. */
  replaceValue(path: readonly string[], lines: readonly string[]): void {
    const block = this.find(path);
    const line = this.lines[block.start] as string;
    const key = line.slice(0, line.length - this.valueOf(path).length).trimEnd();
    this.lines.splice(block.start, block.end - block.start, key, ...shift(lines, block.indent + 2));
  }

  /** Removes a key and its value. */
  remove(path: readonly string[]): void {
    const { start, end } = this.find(path);
    this.lines.splice(start, end - start);
  }

  /**
   * Every line inside the block at `path` that is the key `key` at any depth, as line indexes
   * (last first, so that edits at one do not move the others).
   */
  keyLines(path: readonly string[], key: string): number[] {
    const { start, end } = this.find(path);
    const pattern = new RegExp(
      `^( *)(?:- )?(?:${escapeRegExp(key)}|"${escapeRegExp(key)}"):(?: |$)`,
    );
    const found: number[] = [];
    for (let i = start + 1; i < end; i++) {
      if (pattern.test(this.lines[i] as string)) found.push(i);
    }
    return found.reverse();
  }

  /**
   * Writes `line` as a sibling just before the key at line `at` (same indentation): the way to
   * add a field to every example object that has a required field the schema also has.
   */
  insertBefore(at: number, line: string): void {
    const target = this.lines[at] as string;
    if (target.trimStart().startsWith('- ')) {
      this.fail(`cannot add a sibling before a key that opens a list item: ${target.trim()}`);
    }
    this.lines.splice(at, 0, `${' '.repeat(indentOf(target))}${line}`);
  }

  /** Removes the key at line `at` when its value is on its line (a scalar or a flow value). */
  removeLine(at: number): void {
    const target = this.lines[at] as string;
    if (this.endOf(at, indentOf(target)) !== at + 1 || target.trimStart().startsWith('- ')) {
      this.fail(`cannot remove "${target.trim()}": its value is not on its own line`);
    }
    this.lines.splice(at, 1);
  }
}

/** Lines written at column 0, indented by `indent` (blank lines stay blank). */
export function shift(lines: readonly string[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return lines.map((line) => (line.trim() === '' ? '' : `${pad}${line}`));
}

/** A YAML snippet written as a template literal: its common indentation removed, trimmed. */
export function snippet(text: string): string[] {
  const lines = text.replace(/^\n/, '').trimEnd().split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map(indentOf));
  return lines.map((line) => line.slice(indent));
}
