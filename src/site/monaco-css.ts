import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = '\0vlab-monaco-css:';

/**
 * Monaco's ES modules import ~100 CSS files. Left to Vite, they become one stylesheet that Astro links from
 * the <head> of every page whose script can *lazily* import Monaco (withastro/astro#9495): 115 KB of CSS on
 * the Try page before anyone presses Edit. This plugin turns each of those imports into a tiny module that
 * adds a <style> when it runs, that is, only when Monaco itself loads. url()s (the codicon font) become
 * imports, so the font is still bundled and served from our origin. The component that loads Monaco carries
 * data-csp-inline-styles, so its page allows these <style>s.
 */
export function monacoCssOnDemand(): Plugin {
  return {
    name: 'vlab:monaco-css-on-demand',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer?.includes('/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end in .css, or Vite's own CSS plugin takes it back.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const urls: string[] = [];
      const css = readFileSync(file, 'utf8').replace(
        /url\((["']?)(\.[^)"']+)\1\)/g,
        (_, _q, path: string) => {
          urls.push(resolve(dirname(file), path));
          return `url(__VLAB_URL_${urls.length - 1}__)`;
        },
      );
      const imports = urls.map((path, i) => `import u${i} from ${JSON.stringify(`${path}?url`)};`).join('\n');
      const fill = urls.map((_, i) => `.replace('__VLAB_URL_${i}__', u${i})`).join('');
      return `${imports}
const style = document.createElement('style');
style.dataset.monaco = ${JSON.stringify(file.slice(file.lastIndexOf('/monaco-editor/') + 1))};
style.textContent = ${JSON.stringify(css)}${fill};
document.head.append(style);
`;
    },
  };
}
