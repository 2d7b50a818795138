// The widget half of <vlab-exercise>, imported only by widget exercises (the Linux path's eager script does not
// grow): finds the exercise's own widget, runs the tasks' named checks on its state through the widget's model
// (src/sim/widget-models.ts), and asks for an automatic check after each change the learner makes.
// The widget's model is imported at the first check, not with this file, and only that widget's
// (src/sim/widget-model-loaders.ts): the behaviour simulator's checks bring every scenario's model (~70 KB gz),
// while the widget itself loads only the scenario it shows, and a RAID exercise needs none of it.
import type { TaskCheckResult } from '../exercises/check-runner.ts';
import type { WidgetModels } from '../sim/widget-models.ts';

/** A change is checked once the learner pauses: dragging a slider sends a change per step. */
const CHANGE_SETTLE_MS = 300;

/** The contract every widget element keeps (documented at the top of each widget's component in src/components/mdx/). */
interface WidgetElement extends HTMLElement {
  readonly state: unknown;
  setState(state: unknown): void;
}

export interface WidgetLink {
  /** Every task's check on the widget's current state. */
  results(): Promise<TaskCheckResult[]>;
  /** Puts `state` into the widget (the solution state, after the learner asked for the solution). */
  show(state: unknown): Promise<void>;
  dispose(): void;
}

export interface WidgetLinkOptions {
  widgetId: string;
  tasks: readonly { id: string; check: string }[];
  lang: 'ja' | 'en';
  /** Called, settled, after a change the learner made that this page has not checked yet. */
  onChange: () => void;
  models?: WidgetModels;
}

function isWidget(element: HTMLElement): element is WidgetElement {
  return 'state' in element && typeof (element as Partial<WidgetElement>).setState === 'function';
}

/** The widget once its custom element is defined (its module may load after the exercise's). */
async function upgraded(element: HTMLElement | null): Promise<WidgetElement | undefined> {
  if (!element) return undefined;
  if (!isWidget(element)) await customElements.whenDefined(element.localName);
  return isWidget(element) ? element : undefined;
}

function errors(tasks: WidgetLinkOptions['tasks'], error: string): TaskCheckResult[] {
  return tasks.map((task) => ({
    taskId: task.id,
    status: 'error',
    passed: false,
    evidence: '',
    durationMs: 0,
    error,
  }));
}

export function linkWidget(host: HTMLElement, options: WidgetLinkOptions): WidgetLink {
  const checker = async () => {
    const [model, { runWidgetChecks }] = await Promise.all([
      options.models
        ? options.models[options.widgetId]
        : import('../sim/widget-model-loaders.ts').then(({ loadWidgetModel }) =>
            loadWidgetModel(options.widgetId),
          ),
      import('../exercises/widget-checks.ts'),
    ]);
    return { model, runWidgetChecks };
  };
  const widget = upgraded(host.querySelector<HTMLElement>(`[data-widget="${CSS.escape(options.widgetId)}"]`));
  /**
   * The state this page last checked, as JSON. It starts as the state the widget opened with (restored from
   * the learner's storage or the exercise's initial state), so the widget announcing its restore is not taken
   * for a change: only what the learner does on this page is checked automatically.
   */
  let checked: string | undefined;
  void widget.then((element) => {
    if (element) checked ??= JSON.stringify(element.state);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onWidgetChange = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const element = await widget;
      if (element && checked !== undefined && JSON.stringify(element.state) !== checked) options.onChange();
    }, CHANGE_SETTLE_MS);
  };
  host.addEventListener('vlab-widget-change', onWidgetChange);

  return {
    async results() {
      const [element, { model, runWidgetChecks }] = await Promise.all([widget, checker()]);
      if (!model) return errors(options.tasks, `no model for widget "${options.widgetId}"`);
      if (!element) return errors(options.tasks, `the widget "${options.widgetId}" is not in the exercise`);
      const { state } = element;
      checked = JSON.stringify(state);
      return runWidgetChecks(model, options.tasks, state, { lang: options.lang });
    },
    async show(state) {
      (await widget)?.setState(state);
    },
    dispose() {
      clearTimeout(timer);
      host.removeEventListener('vlab-widget-change', onWidgetChange);
    },
  };
}
