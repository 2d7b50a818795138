// The state of the "Dockerfile → layers" widget (<ImageLayers />, src/components/widgets/image-layers/) and
// of its widget exercises: the Dockerfile and build context the learner edits, and the Docker host the
// widget's operations have made (images, containers, build cache, registry; types.ts). No model code here,
// only types and defaults, so the page's eager script and the Astro component can use it without the model.
import type { LayersState } from './types.ts';

export interface ImageLayersState {
  /** The Dockerfile text. */
  readonly dockerfile: string;
  /** The build context: relative path → file text (what `COPY . .` sees). */
  readonly context: Readonly<Record<string, string>>;
  /** The Docker host after the learner's builds, containers, pulls; absent: a fresh `initialState()`. */
  readonly host?: LayersState;
}

/** The context file that stands for "the application code" in the widget and its exercise. */
export const APP_FILE = 'app.py';

export const defaultContext: Readonly<Record<string, string>> = {
  'app.py': 'from pathlib import Path\n\nprint(Path("templates/index.html").read_text())\n',
  'templates/index.html': '<h1>Hello from a container</h1>\n',
};

export const defaultDockerfile = [
  'FROM alpine:3.20',
  'RUN apk add --no-cache python3',
  'WORKDIR /app',
  'COPY . .',
  'CMD ["python3", "app.py"]',
].join('\n');

export const defaultImageLayersState: ImageLayersState = {
  dockerfile: defaultDockerfile,
  context: defaultContext,
};

/** Longest Dockerfile and context file the widget takes (a learner's paste, not a real project). */
export const MAX_TEXT_CHARS = 20_000;
export const MAX_CONTEXT_FILES = 20;

/** A cheap shape check for the page's eager script (the full check, with digests, is checks.ts). */
export function isImageLayersState(value: unknown): value is ImageLayersState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { dockerfile, context, host } = value as Record<string, unknown>;
  return (
    typeof dockerfile === 'string' &&
    typeof context === 'object' &&
    context !== null &&
    !Array.isArray(context) &&
    Object.values(context).every((v) => typeof v === 'string') &&
    (host === undefined || (typeof host === 'object' && host !== null))
  );
}
