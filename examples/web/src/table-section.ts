import { requireElement } from './dom';

/**
 * One panel of the page: a status line (the loading state), an error alert and a table body.
 * Both lists use it, so "loading", "failed" and "done" look and read the same everywhere.
 */
export class TableSection {
  readonly #root: HTMLElement;
  readonly #status: HTMLElement;
  readonly #error: HTMLElement;
  readonly #rows: HTMLTableSectionElement;

  constructor(root: HTMLElement) {
    this.#root = root;
    this.#status = requireElement(root, '[data-role="status"]', HTMLElement);
    this.#error = requireElement(root, '[data-role="error"]', HTMLElement);
    this.#rows = requireElement(root, 'tbody', HTMLTableSectionElement);
  }

  get rowCount(): number {
    return this.#rows.rows.length;
  }

  /** Shows the loading state; `aria-busy` tells assistive tech (and the browser test) to wait. */
  loading(message: string): void {
    this.#root.setAttribute('aria-busy', 'true');
    this.#status.textContent = message;
    this.#error.hidden = true;
    this.#error.textContent = '';
  }

  done(message: string): void {
    this.#root.setAttribute('aria-busy', 'false');
    this.#status.textContent = message;
  }

  failed(message: string): void {
    this.#root.setAttribute('aria-busy', 'false');
    this.#status.textContent = '';
    this.#error.textContent = message;
    this.#error.hidden = false;
  }

  clear(): void {
    this.#rows.replaceChildren();
  }

  append(rows: readonly HTMLTableRowElement[]): void {
    this.#rows.append(...rows);
  }
}
