// The "Dockerfile → layers" widget's view: the Dockerfile (a text box at once, Monaco on request) and the
// build context; Build; the steps with their layers and cache hits; images and disk use; a pull from the
// simulated registry; containers with file operations, their writable layer and merged view, commit and
// remove. The view itself is small; the model (~44 KB gz with its Dockerfile parser and SHA-256) is imported
// on the learner's first interaction with the widget, so a page costs nothing before use. Every change of the
// state goes back to the element (stateful-element.ts); what the last operation reported is the view's own.

import { formatBytes } from '../../../sim/image-layers/format.ts';
import type * as ModelApi from '../../../sim/image-layers/index.ts';
import type {
  BuildReport,
  LayersState,
  ModelError,
  TransferReport,
} from '../../../sim/image-layers/index.ts';
import type { ImageLayersState } from '../../../sim/image-layers/widget-state.ts';
import { h, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { DockerfileEditor } from './dockerfile-editor.ts';
import {
  diffList,
  diskList,
  imagesTable,
  mergedList,
  stepsTable,
  transferTable,
  upperList,
} from './render.ts';
import { fill, type ImageLayersStrings } from './strings.ts';
import { buildCounts, mergedRows, short, stepRows, upperRows } from './view-model.ts';

type Model = typeof ModelApi;
const TYPING_MS = 400;
const DEFAULT_TAG = 'app:v1';

export function mountView(
  host: WidgetHost<ImageLayersState, ImageLayersStrings>,
): WidgetView<ImageLayersState> {
  const { element, strings: s, lang } = host;
  const body =
    element.querySelector<HTMLElement>('.il-body') ?? element.appendChild(h('div', { class: 'il-body' }));
  let state: ImageLayersState = host.state;
  let model: Model | undefined;
  let loading: Promise<Model | undefined> | undefined;
  let lastBuild: BuildReport | undefined;
  let lastPull: TransferReport | undefined;
  let buildError: ModelError | undefined;
  let draftError: ModelError | undefined;
  let contextFile = Object.keys(state.context)[0] ?? '';
  let selectedContainer = '';
  /** The image the container form offers first: the one the learner built, committed or pulled last. */
  let preferredImage = '';
  let typing: ReturnType<typeof setTimeout> | undefined;
  let contextTyping: ReturnType<typeof setTimeout> | undefined;
  let editor: DockerfileEditor | undefined;

  // ---- controls -------------------------------------------------------------------------------------------
  const live = h('p', { class: 'il-live', role: 'status', 'aria-live': 'polite', 'data-live': '' });
  const say = (text: string) => {
    live.textContent = text;
  };
  const field = (label: string, control: HTMLElement, note?: string) => {
    const id = uid('il-f');
    control.id = id;
    const noteId = note ? uid('il-n') : undefined;
    if (noteId) control.setAttribute('aria-describedby', noteId);
    return h(
      'div',
      { class: 'il-field' },
      h('label', { for: id }, label),
      control,
      note ? h('p', { id: noteId, class: 'il-note' }, note) : '',
    );
  };
  const button = (label: string, action: string, primary = false) =>
    h(
      'button',
      { type: 'button', class: `vl-button${primary ? ' vl-primary' : ''}`, 'data-action': action },
      label,
    );
  const section = (title: string, ...children: (Node | string)[]) => {
    const id = uid('il-h');
    return h(
      'section',
      { class: 'il-section', 'aria-labelledby': id },
      h('p', { class: 'il-heading', id }, title),
      ...children,
    );
  };

  const dockerfileBox = h('textarea', {
    class: 'il-code',
    rows: '8',
    spellcheck: 'false',
    autocapitalize: 'off',
    'data-control': 'dockerfile',
  });
  dockerfileBox.value = state.dockerfile;
  const editorHost = h('div', { class: 'il-monaco', hidden: true });
  const monacoButton = button(s.editInMonaco, 'monaco');
  const errors = h('ul', { class: 'il-errors', 'data-errors': '0', 'aria-label': s.parseError });
  const contextSelect = h('select', { 'data-control': 'context-file' });
  const contextBox = h('textarea', {
    class: 'il-code',
    rows: '4',
    spellcheck: 'false',
    'data-control': 'context-content',
  });
  const tagInput = h('input', {
    type: 'text',
    value: DEFAULT_TAG,
    'data-control': 'tag',
    autocomplete: 'off',
  });
  const buildButton = button(s.build, 'build', true);
  const noCacheButton = button(s.noCache, 'build-no-cache');
  const stepsBox = h('div', { class: 'il-out', 'data-steps-box': '' });

  const imagesBox = h('div', { class: 'il-out' });
  const pullSelect = h('select', { 'data-control': 'pull-ref' });
  const pullButton = button(s.pull, 'pull');
  const pullBox = h('div', { class: 'il-out' });

  const imageSelect = h('select', { 'data-control': 'container-image' });
  const createButton = button(s.createContainer, 'create');
  const containerSelect = h('select', { 'data-control': 'container' });
  const pathInput = h('input', {
    type: 'text',
    value: '/etc/motd',
    'data-control': 'path',
    autocomplete: 'off',
  });
  const contentBox = h('textarea', {
    class: 'il-code',
    rows: '2',
    spellcheck: 'false',
    'data-control': 'content',
  });
  contentBox.value = 'hello\n';
  const writeButton = button(s.write, 'write');
  const appendButton = button(s.append, 'append');
  const mkdirButton = button(s.mkdir, 'mkdir');
  const deleteButton = button(s.remove, 'delete');
  const commitInput = h('input', {
    type: 'text',
    value: 'app:committed',
    'data-control': 'commit-tag',
    autocomplete: 'off',
  });
  const commitButton = button(s.commit, 'commit');
  const removeContainerButton = button(s.removeContainer, 'rm');
  const containerBox = h('div', { class: 'il-out', 'data-container-box': '' });
  const resetButton = button(s.reset, 'reset');

  const containerOps = h(
    'div',
    { class: 'il-container-ops' },
    field(s.container, containerSelect),
    field(s.path, pathInput),
    field(s.content, contentBox),
    h('div', { class: 'il-row' }, writeButton, appendButton, mkdirButton, deleteButton),
    h(
      'div',
      { class: 'il-row il-row-end' },
      field(s.commitTag, commitInput),
      commitButton,
      removeContainerButton,
    ),
  );

  body.replaceChildren(
    h('p', { class: 'il-note' }, s.intro),
    section(
      s.source,
      h('div', { class: 'il-field' }, field(s.dockerfile, dockerfileBox, s.dockerfileHelp), editorHost),
      h('div', { class: 'il-row' }, monacoButton),
      errors,
      h(
        'div',
        { class: 'il-context' },
        h('p', { class: 'il-subheading' }, s.context),
        field(s.contextFile, contextSelect),
        field(s.contextContent, contextBox),
      ),
      h('div', { class: 'il-row il-row-end' }, field(s.tag, tagInput), buildButton, noCacheButton),
    ),
    section(s.buildSteps, stepsBox),
    section(
      s.images,
      h('p', { class: 'il-note' }, s.imagesHelp),
      imagesBox,
      h('p', { class: 'il-subheading' }, s.registry),
      h('p', { class: 'il-note' }, s.registryHelp),
      h('div', { class: 'il-row il-row-end' }, field(s.pullRef, pullSelect), pullButton),
      pullBox,
    ),
    section(
      s.containers,
      h('div', { class: 'il-row il-row-end' }, field(s.containerImage, imageSelect), createButton),
      containerOps,
      containerBox,
    ),
    h('div', { class: 'il-row' }, h('span', { class: 'vw-spacer' }), resetButton),
    live,
  );
  body.hidden = false;

  // ---- the model, on first use ----------------------------------------------------------------------------
  const hostOf = (m: Model): LayersState =>
    state.host && m.layersStateProblems(state.host).length === 0 ? state.host : m.initialState();

  function loadModel(): Promise<Model | undefined> {
    loading ??= (async () => {
      element.dataset.model = 'loading';
      say(s.loadingModel);
      try {
        const m = await import('../../../sim/image-layers/index.ts');
        model = m;
        element.dataset.model = 'ready';
        const fresh = hostOf(m);
        if (fresh !== state.host) {
          state = { ...state, host: fresh };
          host.normalised(state);
        }
        say('');
        render();
        checkDraft();
        return m;
      } catch (error) {
        element.dataset.model = 'failed';
        say(fill(s.modelFailed, { message: error instanceof Error ? error.message : String(error) }));
        return undefined;
      }
    })();
    return loading;
  }
  const onFirstUse = () => {
    for (const type of ['pointerover', 'pointerdown', 'focusin', 'keydown'])
      element.removeEventListener(type, onFirstUse);
    void loadModel();
  };
  for (const type of ['pointerover', 'pointerdown', 'focusin', 'keydown'])
    element.addEventListener(type, onFirstUse);

  /** Runs `op` with the model loaded and the current host; a successful op's state is kept and announced. */
  async function withModel(op: (m: Model, current: LayersState) => LayersState | undefined): Promise<void> {
    const m = model ?? (await loadModel());
    if (!m || !state.host) return;
    const next = op(m, state.host);
    if (next) {
      state = { ...state, host: next };
      host.change(state);
    }
    render();
  }

  // ---- Dockerfile and context ----------------------------------------------------------------------------
  const dockerfileText = () => editor?.getValue() ?? dockerfileBox.value;
  function typed(): void {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const dockerfile = dockerfileText();
      if (dockerfile === state.dockerfile) return;
      state = { ...state, dockerfile };
      if (editor) dockerfileBox.value = dockerfile;
      host.change(state);
      checkDraft();
    }, TYPING_MS);
  }
  dockerfileBox.addEventListener('input', typed);

  /** The model's first error for the Dockerfile as it stands (a dry build, thrown away). */
  function checkDraft(): void {
    if (!model || !state.host) return;
    const result = model.build(state.host, { dockerfile: state.dockerfile, context: state.context });
    draftError = result.ok ? undefined : result.error;
    renderErrors();
  }

  monacoButton.addEventListener('click', async () => {
    monacoButton.disabled = true;
    say(s.loadingEditor);
    try {
      const { createDockerfileEditor } = await import('./dockerfile-editor.ts');
      const hadFocus = document.activeElement === dockerfileBox;
      editorHost.hidden = false;
      editor = createDockerfileEditor(editorHost, {
        value: dockerfileBox.value,
        ariaLabel: s.dockerfile,
        onChange: typed,
      });
      dockerfileBox.hidden = true;
      monacoButton.hidden = true;
      element.dataset.editor = 'monaco';
      renderErrors();
      if (hadFocus) editor.focus();
      say(s.editorReady);
    } catch {
      editorHost.hidden = true;
      monacoButton.disabled = false;
      say(s.editorFailed);
    }
  });

  contextSelect.addEventListener('change', () => {
    contextFile = contextSelect.value;
    contextBox.value = state.context[contextFile] ?? '';
  });
  contextBox.addEventListener('input', () => {
    clearTimeout(contextTyping);
    contextTyping = setTimeout(() => {
      if (!contextFile || state.context[contextFile] === contextBox.value) return;
      state = { ...state, context: { ...state.context, [contextFile]: contextBox.value } };
      host.change(state);
    }, TYPING_MS);
  });

  // ---- build -------------------------------------------------------------------------------------------------
  const doBuild = (noCache: boolean) =>
    withModel((m, current) => {
      clearTimeout(typing);
      clearTimeout(contextTyping);
      const dockerfile = dockerfileText();
      const context = contextFile ? { ...state.context, [contextFile]: contextBox.value } : state.context;
      state = { ...state, dockerfile, context };
      const tag = tagInput.value.trim() || DEFAULT_TAG;
      const result = m.build(current, { dockerfile, context, tag, noCache });
      if (!result.ok) {
        buildError = result.error;
        draftError = result.error;
        lastBuild = undefined;
        say(result.error.message[lang]);
        host.change(state);
        return undefined;
      }
      buildError = undefined;
      draftError = undefined;
      lastBuild = result.report;
      preferredImage = result.report.tag ?? result.report.imageId;
      const counts = buildCounts(result.report);
      say(fill(s.built, { tag: result.report.tag ?? tag, ...counts }));
      return result.state;
    });
  buildButton.addEventListener('click', () => void doBuild(false));
  noCacheButton.addEventListener('click', () => void doBuild(true));

  // ---- registry ----------------------------------------------------------------------------------------------
  pullButton.addEventListener('click', () =>
    withModel((m, current) => {
      const result = m.pull(current, pullSelect.value);
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      lastPull = result.report;
      preferredImage = result.report.ref;
      say(
        fill(s.pulled, {
          ref: result.report.ref,
          transferred: formatBytes(result.report.bytesTransferred),
          skipped: formatBytes(result.report.bytesSkipped),
        }),
      );
      return result.state;
    }),
  );

  const removeImage = (ref: string) =>
    withModel((m, current) => {
      const result = m.removeImage(current, ref);
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      say(fill(s.removedImage, { image: ref, n: result.report.layersDeleted.length }));
      return result.state;
    });

  // ---- containers ------------------------------------------------------------------------------------------
  createButton.addEventListener('click', () =>
    withModel((m, current) => {
      const result = m.createContainer(current, imageSelect.value);
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      selectedContainer = result.id;
      say(fill(s.created, { id: result.id }));
      return result.state;
    }),
  );
  imageSelect.addEventListener('change', () => {
    preferredImage = imageSelect.value;
  });
  containerSelect.addEventListener('change', () => {
    selectedContainer = containerSelect.value;
    render();
  });
  const fileOp = (
    run: (m: Model, current: LayersState, id: string, path: string) => ReturnType<Model['writeFile']>,
  ) =>
    withModel((m, current) => {
      if (!selectedContainer) return undefined;
      const result = run(m, current, selectedContainer, pathInput.value.trim());
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      say(result.report.explanation[lang]);
      return result.state;
    });
  writeButton.addEventListener('click', () =>
    fileOp((m, c, id, path) => m.writeFile(c, id, path, contentBox.value)),
  );
  appendButton.addEventListener('click', () =>
    fileOp((m, c, id, path) => m.writeFile(c, id, path, contentBox.value, true)),
  );
  mkdirButton.addEventListener('click', () => fileOp((m, c, id, path) => m.makeDirectory(c, id, path)));
  deleteButton.addEventListener('click', () => fileOp((m, c, id, path) => m.removePath(c, id, path, true)));
  commitButton.addEventListener('click', () =>
    withModel((m, current) => {
      if (!selectedContainer) return undefined;
      const tag = commitInput.value.trim() || undefined;
      const result = m.commitContainer(current, selectedContainer, tag);
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      const { layer } = result.report;
      preferredImage = result.report.tag ?? result.report.imageId;
      const name = result.report.tag ?? short(result.report.imageId);
      say(
        layer
          ? fill(s.committed, {
              id: selectedContainer,
              tag: name,
              digest: short(layer.digest),
              size: formatBytes(layer.size),
            })
          : fill(s.committedEmpty, { id: selectedContainer, tag: name }),
      );
      return result.state;
    }),
  );
  removeContainerButton.addEventListener('click', () =>
    withModel((m, current) => {
      if (!selectedContainer) return undefined;
      const id = selectedContainer;
      const result = m.removeContainer(current, id);
      if (!result.ok) {
        say(result.error.message[lang]);
        return undefined;
      }
      selectedContainer = '';
      say(fill(s.removedContainer, { id, size: formatBytes(result.discardedBytes) }));
      return result.state;
    }),
  );
  resetButton.addEventListener('click', () =>
    withModel((m) => {
      lastBuild = undefined;
      lastPull = undefined;
      buildError = undefined;
      selectedContainer = '';
      say(s.resetDone);
      return m.initialState();
    }),
  );

  // ---- rendering -------------------------------------------------------------------------------------------
  function options(
    select: HTMLSelectElement,
    values: readonly { value: string; label: string }[],
    keep: string,
  ) {
    const chosen = values.some((v) => v.value === keep) ? keep : (values[0]?.value ?? '');
    select.replaceChildren(
      ...values.map((v) => h('option', { value: v.value, selected: v.value === chosen }, v.label)),
    );
    select.value = chosen;
    return chosen;
  }

  function renderErrors(): void {
    const error = draftError;
    errors.replaceChildren(
      ...(error ? [h('li', { 'data-error-line': String(error.line ?? 0) }, error.message[lang])] : []),
    );
    errors.dataset.errors = error ? '1' : '0';
    errors.hidden = !error;
    element.dataset.errors = error ? '1' : '0';
    editor?.setErrors(error?.line ? [{ line: error.line, message: error.message[lang] }] : []);
  }

  function renderContext(): void {
    const files = Object.keys(state.context);
    contextFile = options(
      contextSelect,
      files.map((f) => ({ value: f, label: f })),
      contextFile,
    );
    if (document.activeElement !== contextBox) contextBox.value = state.context[contextFile] ?? '';
  }

  function render(): void {
    renderErrors();
    renderContext();
    stepsBox.replaceChildren(
      lastBuild
        ? stepsTable(stepRows(lastBuild), s, lang)
        : h('p', { class: 'il-note' }, buildError ? buildError.message[lang] : s.notBuilt),
    );
    const current = state.host;
    if (!model || !current) {
      for (const b of [
        pullButton,
        createButton,
        writeButton,
        appendButton,
        mkdirButton,
        deleteButton,
        commitButton,
        removeContainerButton,
      ])
        b.disabled = !loading;
      return;
    }
    const usage = model.diskUsage(current);
    imagesBox.replaceChildren(
      imagesTable(
        usage,
        s,
        (id) => current.images[id as keyof typeof current.images]?.config.rootfs.diff_ids.length ?? 0,
        (ref) => void removeImage(ref),
      ),
      h('p', { class: 'il-subheading' }, s.disk),
      diskList(usage, s),
    );
    options(
      pullSelect,
      Object.keys(current.registry.tags)
        .sort()
        .map((t) => ({ value: t, label: t })),
      pullSelect.value,
    );
    pullBox.replaceChildren(lastPull ? transferTable(lastPull, s) : '');
    options(
      imageSelect,
      usage.images.map((img) => {
        const ref = img.tags[0] ?? img.id;
        return { value: ref, label: img.tags[0] ?? short(img.id) };
      }),
      usage.images.find((img) => img.id === preferredImage || img.tags.includes(preferredImage))?.tags[0] ??
        usage.images.find((img) => img.id === preferredImage)?.id ??
        imageSelect.value,
    );
    const ids = Object.keys(current.containers).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    selectedContainer = options(
      containerSelect,
      ids.map((id) => {
        const c = current.containers[id];
        const image = c ? (model?.tagsOf(current, c.image)[0] ?? short(c.image)) : '';
        return { value: id, label: `${id} (${image})` };
      }),
      selectedContainer,
    );
    element.dataset.container = selectedContainer;
    const has = selectedContainer !== '';
    containerOps.hidden = !has;
    for (const b of [pullButton, createButton]) b.disabled = false;
    for (const b of [
      writeButton,
      appendButton,
      mkdirButton,
      deleteButton,
      commitButton,
      removeContainerButton,
    ])
      b.disabled = !has;
    createButton.disabled = usage.images.length === 0;
    const container = has ? current.containers[selectedContainer] : undefined;
    const merged = container ? model.mergedView(current, selectedContainer) : undefined;
    containerBox.replaceChildren(
      ...(container && merged
        ? [
            h('p', { class: 'il-subheading' }, s.upper),
            h('p', { class: 'il-note' }, s.upperHelp),
            upperList(upperRows(container.upper), s),
            h('p', { class: 'il-subheading' }, s.diff),
            diffList(model.containerChanges(current, selectedContainer)),
            h('p', { class: 'il-subheading' }, s.merged),
            h('p', { class: 'il-note' }, s.mergedHelp),
            h(
              'div',
              { class: 'il-scroll', tabindex: '0', role: 'region', 'aria-label': s.merged },
              mergedList(mergedRows(merged, container.upper), s),
            ),
          ]
        : [h('p', { class: 'il-note' }, s.noContainers)]),
    );
  }

  render();

  return {
    show(next) {
      state = next;
      lastBuild = undefined;
      buildError = undefined;
      draftError = undefined;
      if (editor) editor.setValue(next.dockerfile);
      dockerfileBox.value = next.dockerfile;
      if (model && !next.host) {
        state = { ...state, host: model.initialState() };
        host.normalised(state);
      }
      render();
    },
    dispose() {
      clearTimeout(typing);
      clearTimeout(contextTyping);
      editor?.dispose();
    },
  };
}
