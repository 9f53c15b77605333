// Small DOM helpers. API text is only ever set as textContent, never as HTML: message text may
// carry markup, and a page must not run what an API (or a mock) sends it.

type Child = Node | string;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Finds a required element; a missing one is a bug in index.html, so say which. */
export function requireElement<T extends Element>(
  root: ParentNode,
  selector: string,
  type: new () => T,
): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) {
    throw new Error(`index.html is missing ${selector} (${type.name})`);
  }
  return element;
}

/**
 * The visible text of an HTML fragment. DOMParser builds an inert document: no scripts run and
 * no images load while it is parsed.
 */
export function plainText(html: string): string {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim();
}
