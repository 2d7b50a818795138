// Builds elements from safe-markdown.ts's tree: text only ever through text nodes, links only to this site
// (checked again against the page's origin), no images, no style attributes. For Markdown from a link.
import { type Block, type Inline, sameSiteHref } from '../exercises/safe-markdown.ts';

function inline(nodes: readonly Inline[]): Node[] {
  return nodes.map((node) => {
    switch (node.kind) {
      case 'text':
        return document.createTextNode(node.text);
      case 'code': {
        const code = document.createElement('code');
        code.textContent = node.text;
        return code;
      }
      case 'strong':
      case 'em': {
        const element = document.createElement(node.kind);
        element.append(...inline(node.children));
        return element;
      }
      default: {
        const href = sameSiteHref(node.href);
        const target = href === undefined ? undefined : new URL(href, location.href);
        if (!target || target.origin !== location.origin) {
          const span = document.createElement('span');
          span.append(...inline(node.children));
          return span;
        }
        const link = document.createElement('a');
        link.href = target.href;
        link.append(...inline(node.children));
        return link;
      }
    }
  });
}

function block(node: Block): HTMLElement {
  switch (node.kind) {
    case 'paragraph': {
      const p = document.createElement('p');
      p.append(...inline(node.children));
      return p;
    }
    case 'heading': {
      const heading = document.createElement(node.level === 3 ? 'h3' : 'h4');
      heading.append(...inline(node.children));
      return heading;
    }
    case 'list': {
      const list = document.createElement(node.ordered ? 'ol' : 'ul');
      if (node.ordered && node.start !== 1) list.setAttribute('start', String(node.start));
      for (const item of node.items) {
        const li = document.createElement('li');
        li.append(...inline(item));
        list.append(li);
      }
      return list;
    }
    case 'code': {
      const pre = document.createElement('pre');
      // A long line scrolls inside the block (the pages' CSS): reachable from the keyboard, as Expressive Code's are.
      pre.tabIndex = 0;
      const code = document.createElement('code');
      code.textContent = node.text;
      pre.append(code);
      return pre;
    }
    case 'quote': {
      const quote = document.createElement('blockquote');
      const p = document.createElement('p');
      p.append(...inline(node.children));
      quote.append(p);
      return quote;
    }
  }
}

/** The Markdown's elements, to append where the instructions go. */
export function safeMarkdownNodes(blocks: readonly Block[]): HTMLElement[] {
  return blocks.map(block);
}
