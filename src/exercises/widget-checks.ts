// Runs a widget exercise's checks: each task's named predicate of the widget's model (src/sim/widget-models.ts)
// applied to one state, with results shaped like a Linux check's (check-runner.ts), so progress, reports and
// the roster treat both kinds alike. Pure: used by `exercises:verify`, the unit tests and, lazily, the page.
import type { WidgetModel } from '../sim/widget-models.ts';
import { boundEvidence, type TaskCheckResult } from './check-runner.ts';

export interface WidgetCheckOptions {
  /** The language of the evidence (a Linux check prints one text; a widget check gives both). */
  lang: 'ja' | 'en';
  now?: () => number;
}

/**
 * Every task's check on `state`, in task order. A check the model does not have, or one that throws (a state
 * its model cannot read, e.g. from an older version of the widget), answers `error` with the reason; the
 * other checks still run.
 */
export function runWidgetChecks(
  model: WidgetModel<never>,
  tasks: readonly { id: string; check: string }[],
  state: unknown,
  options: WidgetCheckOptions,
): TaskCheckResult[] {
  const now = options.now ?? (() => performance.now());
  return tasks.map((task) => {
    const started = now();
    const predicate = Object.hasOwn(model.checks, task.check) ? model.checks[task.check] : undefined;
    const durationMs = () => Math.round(now() - started);
    if (!predicate)
      return {
        taskId: task.id,
        status: 'error',
        passed: false,
        evidence: '',
        durationMs: 0,
        error: `the widget has no check named "${task.check}"`,
      };
    try {
      // The erased state type (see WidgetModels): the caller hands over the widget's own state.
      const outcome = predicate(state as never);
      return {
        taskId: task.id,
        status: outcome.passed ? 'passed' : 'failed',
        passed: outcome.passed,
        evidence: boundEvidence(outcome.evidence[options.lang]),
        durationMs: durationMs(),
      };
    } catch (error) {
      return {
        taskId: task.id,
        status: 'error',
        passed: false,
        evidence: '',
        durationMs: durationMs(),
        error: `the check could not read the widget's state: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  });
}
