// A tiny element builder shared by the widgets: every text goes in as a text node (never innerHTML), attributes as
// attributes.
type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children)
    if (child !== false && child !== null && child !== undefined) element.append(child);
  return element;
}

let counter = 0;
/** A page-unique id for label/aria pairs (several widgets may share a page). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements (drawings the widgets build: RAID layouts, switches). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | undefined> = {},
  ...children: (Node | string | false | null | undefined)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) element.setAttribute(name, String(value));
  for (const child of children)
    if (child !== false && child !== null && child !== undefined) element.append(child);
  return element;
}
