// The ring simulator's view: scenario, binary translation, UMIP and the VMCS controls; the program in a
// textarea with presets; a player (step, play, back to the start, run to the end) over the model's run; and the
// read-only parts from render.ts. It renders from the state alone plus a cursor (how many steps have run),
// which is the view's own and starts at the end; every change of the state goes back to the element.
import {
  normaliseRingState,
  type RingState,
  runRings,
  type ScenarioId,
  scenarioIds,
} from '../../../sim/rings/model.ts';
import { isPreset, presetIds, presets } from '../../../sim/rings/presets.ts';
import { h, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import { costBasis, countsList, fill, ringMap, sourcesList, stepsTable } from './render.ts';
import type { RingStrings } from './strings.ts';

const PLAY_MS = 900;
const TYPING_MS = 400;
const vmcsKeys = ['ept', 'hltExiting', 'descriptorTableExiting', 'rdtscExiting'] as const;

export function mountView(host: WidgetHost<RingState, RingStrings>): WidgetView<RingState> {
  const { element, strings, lang } = host;
  const body =
    element.querySelector<HTMLElement>('.rs-body') ?? element.appendChild(h('div', { class: 'rs-body' }));
  let state = normaliseRingState(host.state);
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);
  let run = runRings(state);
  let cursor = run.steps.length;
  let timer: ReturnType<typeof setInterval> | undefined;
  let typing: ReturnType<typeof setTimeout> | undefined;

  const check = (label: string, name: string, note?: string) => {
    const id = uid('rs-check');
    const noteId = note ? uid('rs-note') : undefined;
    const input = h('input', { type: 'checkbox', id, 'data-control': name, 'aria-describedby': noteId });
    const wrap = h(
      'div',
      { class: 'rs-check' },
      input,
      h('label', { for: id }, label),
      note ? h('p', { id: noteId, class: 'rs-note' }, note) : '',
    );
    return { input, wrap };
  };

  // Scenario: a radio group (arrow keys move within it).
  const scenarioName = uid('rs-scenario');
  const scenarioNoteId = uid('rs-scenario-note');
  const radios = scenarioIds.map((id) => {
    const inputId = uid('rs-s');
    const input = h('input', {
      type: 'radio',
      name: scenarioName,
      id: inputId,
      value: id,
      'data-scenario-option': id,
      'aria-describedby': scenarioNoteId,
    });
    return {
      id,
      input,
      wrap: h('div', { class: 'rs-radio' }, input, h('label', { for: inputId }, strings.scenarioName[id])),
    };
  });
  const scenarioNote = h('p', { id: scenarioNoteId, class: 'rs-note' });
  const scenarioSet = h(
    'fieldset',
    { class: 'rs-scenarios' },
    h('legend', {}, strings.scenario),
    ...radios.map((r) => r.wrap),
    scenarioNote,
  );
  const bt = check(strings.bt, 'bt', strings.btNote);
  const umip = check(strings.umip, 'umip', strings.umipNote);
  const vmcsChecks = vmcsKeys.map((key) => ({ key, ...check(strings.vmcsControls[key], `vmcs.${key}`) }));
  const vmcsSet = h(
    'fieldset',
    { class: 'rs-vmcs' },
    h('legend', {}, strings.vmcs),
    ...vmcsChecks.map((c) => c.wrap),
    h('p', { class: 'rs-note' }, strings.vmcsNote),
  );

  // The program.
  const programId = uid('rs-program');
  const helpId = uid('rs-help');
  const textarea = h('textarea', {
    id: programId,
    class: 'rs-program',
    rows: '9',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
    'aria-describedby': helpId,
    'data-control': 'program',
  });
  const presetId = uid('rs-preset');
  const presetSelect = h(
    'select',
    { id: presetId, 'data-control': 'preset' },
    ...presetIds.map((id) => h('option', { value: id }, presets[id].label[lang])),
  );
  const loadPreset = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-action': 'load-preset' },
    strings.loadPreset,
  );
  const errors = h('div', { class: 'rs-errors', 'aria-live': 'polite' });

  // The player.
  const stepButton = h(
    'button',
    { type: 'button', class: 'vl-button vl-primary', 'data-action': 'step' },
    strings.step,
  );
  const playButton = h('button', { type: 'button', class: 'vl-button', 'data-action': 'play' }, strings.play);
  const resetButton = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-action': 'reset' },
    strings.reset,
  );
  const allButton = h(
    'button',
    { type: 'button', class: 'vl-button', 'data-action': 'run-all' },
    strings.runAll,
  );
  const position = h('span', { class: 'rs-position', role: 'status' });

  const map = h('div', { class: 'rs-map' });
  const counts = h('div', { class: 'rs-counts-box' });
  const table = h('div', { class: 'rs-steps-box' });

  body.replaceChildren(
    h(
      'div',
      { class: 'rs-settings' },
      scenarioSet,
      h('div', { class: 'rs-options' }, bt.wrap, umip.wrap, vmcsSet),
    ),
    map,
    h(
      'div',
      { class: 'rs-editor' },
      h('label', { for: programId, class: 'rs-label' }, strings.program),
      h('p', { id: helpId, class: 'rs-note' }, strings.programHelp),
      textarea,
      h(
        'div',
        { class: 'rs-preset' },
        h('label', { for: presetId }, strings.preset),
        presetSelect,
        loadPreset,
      ),
      errors,
    ),
    h('div', { class: 'rs-player' }, stepButton, playButton, resetButton, allButton, position),
    counts,
    table,
    costBasis(strings, lang),
    sourcesList(strings),
  );
  body.hidden = false;

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    element.dataset.playing = 'false';
    playButton.textContent = strings.play;
  };

  const commit = (next: Partial<RingState>, { keepCursor = false } = {}) => {
    state = normaliseRingState({ ...state, ...next });
    run = runRings(state);
    if (!keepCursor) cursor = run.steps.length;
    render();
    host.change(state);
  };

  for (const r of radios)
    r.input.addEventListener('change', () => {
      if (r.input.checked) commit({ scenario: r.id as ScenarioId });
    });
  bt.input.addEventListener('change', () => commit({ bt: bt.input.checked }));
  umip.input.addEventListener('change', () => commit({ umip: umip.input.checked }));
  for (const c of vmcsChecks)
    c.input.addEventListener('change', () => commit({ vmcs: { ...state.vmcs, [c.key]: c.input.checked } }));
  textarea.addEventListener('input', () => {
    if (typing !== undefined) clearTimeout(typing);
    typing = setTimeout(() => {
      typing = undefined;
      stop();
      commit({ program: textarea.value });
    }, TYPING_MS);
  });
  loadPreset.addEventListener('click', () => {
    const id = presetSelect.value;
    if (!isPreset(id)) return;
    stop();
    textarea.value = presets[id].program;
    commit({ program: presets[id].program });
  });
  stepButton.addEventListener('click', () => {
    stop();
    if (cursor >= run.steps.length) cursor = 0;
    cursor += 1;
    render();
  });
  resetButton.addEventListener('click', () => {
    stop();
    cursor = 0;
    render();
  });
  allButton.addEventListener('click', () => {
    stop();
    cursor = run.steps.length;
    render();
  });
  playButton.addEventListener('click', () => {
    if (timer !== undefined) {
      stop();
      return;
    }
    if (cursor >= run.steps.length) cursor = 0;
    element.dataset.playing = 'true';
    playButton.textContent = strings.pause;
    timer = setInterval(() => {
      cursor += 1;
      if (cursor >= run.steps.length) {
        cursor = run.steps.length;
        stop();
      }
      render();
    }, PLAY_MS);
  });

  function render(): void {
    for (const r of radios) r.input.checked = r.id === state.scenario;
    scenarioNote.textContent = strings.scenarioNote[state.scenario];
    bt.input.checked = state.bt;
    bt.input.disabled = state.scenario !== 'software';
    bt.wrap.hidden = state.scenario !== 'software';
    umip.input.checked = state.umip;
    vmcsSet.hidden = state.scenario !== 'vtx';
    for (const c of vmcsChecks) c.input.checked = state.vmcs[c.key];
    // Never rewrite what the learner is typing.
    if (document.activeElement !== textarea && textarea.value !== state.program)
      textarea.value = state.program;
    element.dataset.scenario = state.scenario;
    element.dataset.cursor = String(cursor);
    element.dataset.errors = String(run.errors.length);

    errors.replaceChildren(
      ...(run.errors.length === 0
        ? []
        : [
            h('p', { class: 'rs-errors-title' }, strings.errors),
            h(
              'ul',
              {},
              ...run.errors.map((e) =>
                h(
                  'li',
                  { 'data-error-line': String(e.line) },
                  `${fill(strings.line, { n: e.line })}${lang === 'ja' ? '：' : ': '}${e.text[lang]}`,
                ),
              ),
            ),
          ]),
    );
    position.textContent = fill(strings.position, { n: cursor, total: run.steps.length });
    stepButton.disabled = run.steps.length === 0;
    playButton.disabled = run.steps.length === 0;
    map.replaceChildren(ringMap(state.scenario, cursor > 0 ? run.steps[cursor - 1] : undefined, strings));
    counts.replaceChildren(h('p', { class: 'rs-h' }, strings.counts), countsList(run, cursor, strings, lang));
    table.replaceChildren(stepsTable(run, cursor, strings, lang));
  }

  render();
  return {
    show(next) {
      stop();
      state = normaliseRingState(next);
      run = runRings(state);
      cursor = run.steps.length;
      textarea.value = state.program;
      render();
    },
    dispose() {
      stop();
      if (typing !== undefined) clearTimeout(typing);
      body.replaceChildren();
    },
  };
}
