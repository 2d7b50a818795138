// A widget's state comes back from localStorage (`vlab:widget:<key>`), from an exercise's element attribute,
// or (the behaviour simulator) from the URL fragment: all of it may be anything. Each widget's view puts it
// through its model's normaliser; widget exercises run the model's checks on it. Whatever the state: the
// normaliser never throws, what it returns is a state its model accepts (no stateProblems) and is stable
// (normalising again changes nothing), stateProblems never throws, and runWidgetChecks always answers.
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { runWidgetChecks } from '../../../src/exercises/widget-checks.ts';
import {
  architectureStateProblems,
  defaultArchitectureState,
  normaliseArchitectureState,
} from '../../../src/sim/architecture/model.ts';
import { normaliseCapacityState } from '../../../src/sim/capacity/params.ts';
import { normaliseClusterState } from '../../../src/sim/cluster/params.ts';
import { build, initialState } from '../../../src/sim/image-layers/index.ts';
import { layersStateProblems } from '../../../src/sim/image-layers/state-check.ts';
import { isImageLayersState } from '../../../src/sim/image-layers/widget-state.ts';
import { normaliseRaidState } from '../../../src/sim/raid/model.ts';
import { normaliseRingState } from '../../../src/sim/rings/model.ts';
import { parseProgram } from '../../../src/sim/rings/program.ts';
import { normaliseVlanState } from '../../../src/sim/vlan-switch/model.ts';
import { type WidgetId, widgetModels } from '../../../src/sim/widget-models.ts';
import {
  expectNoPrototypePollution,
  hostileString,
  mutatedJsonText,
  runs,
  wrongValue,
} from '../support/hostile.ts';

/** A stored value: any JSON, an object with the widget's own field names given wrong values, or mutated JSON. */
function storedValue(example: unknown, fields: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    wrongValue,
    fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor'), wrongValue, { maxKeys: 6 }),
    mutatedJsonText(example).map((text) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }),
  );
}

/** The normalisers the views call, with the state each widget's exercises start from. */
const normalisers: {
  id: WidgetId | 'architecture-explorer';
  normalise: (value: unknown) => unknown;
  problems: (value: unknown) => string[];
  example: unknown;
  /** A problem the normalised state may keep because the view shows it (a too-long program: kept, not cut). */
  allowed?: RegExp;
  numRuns: number;
}[] = [
  {
    id: 'raid-array',
    normalise: normaliseRaidState,
    problems: widgetModels['raid-array'].stateProblems,
    example: { level: 6, disks: 6, diskTB: 8, failed: [1, 4] },
    numRuns: 2_000,
  },
  {
    id: 'vlan-switch',
    normalise: normaliseVlanState,
    problems: widgetModels['vlan-switch'].stateProblems,
    example: { vlans: { a1: 10, a2: 20, b1: 10, b2: 20 }, uplink: { mode: 'trunk', allowed: [10, 20] } },
    numRuns: 2_000,
  },
  {
    id: 'capacity-planner',
    normalise: (value) => normaliseCapacityState(value),
    problems: widgetModels['capacity-planner'].stateProblems,
    example: normaliseCapacityState({}),
    numRuns: 2_000,
  },
  {
    id: 'cluster-simulator',
    normalise: normaliseClusterState,
    problems: widgetModels['cluster-simulator'].stateProblems,
    example: normaliseClusterState({}),
    numRuns: 2_000,
  },
  {
    id: 'ring-simulator',
    normalise: (value) => normaliseRingState(value),
    problems: widgetModels['ring-simulator'].stateProblems,
    example: normaliseRingState({}),
    allowed: /^program: .*Expected a string of at most 2000 characters$/,
    numRuns: 2_000,
  },
  {
    id: 'architecture-explorer',
    normalise: (value) =>
      normaliseArchitectureState(value as Parameters<typeof normaliseArchitectureState>[0]),
    problems: architectureStateProblems,
    example: defaultArchitectureState,
    numRuns: 2_000,
  },
];

afterEach(expectNoPrototypePollution);

describe.each(normalisers)(
  'the $id state from storage',
  ({ normalise, problems, example, allowed, numRuns }) => {
    const fields = Object.keys(example as object);

    test('normalises anything to a state its model accepts, stably, as plain JSON; stateProblems never throws', () => {
      fc.assert(
        fc.property(storedValue(example, fields), (value) => {
          for (const problem of problems(value)) expect(problem).toMatch(/Expected/);
          const state = normalise(value);
          expect(problems(state).filter((problem) => !allowed?.test(problem))).toEqual([]);
          const json = JSON.stringify(state);
          expect(JSON.stringify(normalise(JSON.parse(json)))).toBe(json);
        }),
        runs(numRuns),
      );
    });
  },
);

describe('checks of widget exercises on any state', () => {
  const cheap: WidgetId[] = ['raid-array', 'vlan-switch', 'ring-simulator', 'capacity-planner'];
  test.each(cheap)('%s: runWidgetChecks answers every task for any stored state', (id) => {
    const model = widgetModels[id];
    const tasks = Object.keys(model.checks).map((check, i) => ({ id: `t${i}`, check }));
    const example = normalisers.find((n) => n.id === id)?.example;
    fc.assert(
      fc.property(storedValue(example, Object.keys(example as object)), (value) => {
        const results = runWidgetChecks(model as never, tasks, value, { lang: 'en', now: () => 0 });
        expect(results.map((r) => r.taskId)).toEqual(tasks.map((t) => t.id));
        for (const result of results) {
          expect(['passed', 'failed', 'error']).toContain(result.status);
          expect(typeof result.evidence).toBe('string');
        }
      }),
      runs(id === 'capacity-planner' ? 100 : 1_000),
    );
  });
});

describe('the image-layers state from storage', () => {
  test('the shape check and the host check never throw on anything', () => {
    fc.assert(
      fc.property(
        storedValue({ dockerfile: 'FROM alpine', context: { 'app.py': 'x' }, host: {} }, [
          'dockerfile',
          'context',
          'host',
        ]),
        (value) => {
          if (isImageLayersState(value) && value.host !== undefined)
            for (const problem of layersStateProblems(value.host))
              expect(problem).toMatch(/Expected|match|no /);
          for (const problem of widgetModels['image-layers'].stateProblems(value))
            expect(problem).toMatch(/:/);
        },
      ),
      runs(3_000),
    );
  });
});

describe('the image-layers Dockerfile and build context from storage', () => {
  const line = fc.oneof(
    hostileString,
    fc.constantFrom(
      'FROM alpine:3.20',
      'FROM scratch',
      'RUN apk add --no-cache python3',
      'RUN rm -rf /',
      'COPY . .',
      'COPY ../../etc/passwd /x',
      'WORKDIR /app',
      'CMD ["python3", "app.py"]',
      'CMD ["unterminated',
      'ENV A=1 B',
      'USER 0:0',
      '# syntax=docker/dockerfile:1',
      'RUN \\',
      'FROM',
    ),
  );
  test('any Dockerfile text and context builds or answers a bilingual error naming a line, never a throw', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.dictionary(
          fc.oneof(hostileString, fc.constantFrom('app.py', '../x', '/abs', 'a/../../b')),
          hostileString,
          {
            maxKeys: 4,
          },
        ),
        (lines, context) => {
          const result = build(initialState(), { dockerfile: lines.join('\n'), context, tag: 'fuzz:latest' });
          if (!result.ok) {
            expect(result.error.message.ja).toBeTypeOf('string');
            expect(result.error.message.en).toBeTypeOf('string');
          }
        },
      ),
      runs(1_000),
    );
  });
});

describe("the ring simulator's program text", () => {
  test('parses any text without throwing; each problem names a line in both languages', () => {
    const line = fc.oneof(
      hostileString,
      fc.constantFrom(
        'user: mov eax, 1',
        'kernel: cli',
        'kernel: popf',
        'user: cpuid',
        'user:',
        'kernel: ',
        '#',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const parsed = parseProgram(lines.join('\n'));
        // Each problem names a line of the program (0 for the whole text) in both languages.
        for (const error of parsed.errors) {
          expect(error.line).toBeGreaterThanOrEqual(0);
          expect(error.line).toBeLessThanOrEqual(lines.join('\n').split('\n').length);
          expect(error.text.ja && error.text.en).toBeTruthy();
        }
        expect(parsed.instructions.length).toBeLessThanOrEqual(40);
      }),
      runs(3_000),
    );
  });
});
