// The widget exercise checks over the "Dockerfile → layers" widget's state (content/exercises/27-layer-order)
// and the validation of a state from outside: a Dockerfile that installs before it copies passes; one that
// copies before it installs, or runs a step after the copy, fails with the lines that ran again.
import { describe, expect, test } from 'vitest';
import {
  imageLayersChecks,
  imageLayersStateProblems,
  withCodeChange,
} from '../../../../src/sim/image-layers/checks.ts';
import { build, initialState } from '../../../../src/sim/image-layers/index.ts';
import { defaultContext, defaultImageLayersState } from '../../../../src/sim/image-layers/widget-state.ts';

const state = (dockerfile: string) => ({ dockerfile, context: defaultContext });
const good =
  'FROM alpine:3.20\nRUN apk add --no-cache python3\nWORKDIR /app\nCOPY . .\nCMD ["python3", "app.py"]';
const copyFirst =
  'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache python3\nCMD ["python3", "app.py"]';

describe('layersCodeChangeRebuildsLastLayerOnly', () => {
  const check = imageLayersChecks.layersCodeChangeRebuildsLastLayerOnly;
  test('install, then copy: only the COPY runs again', () => {
    const outcome = check(state(good));
    expect(outcome.passed).toBe(true);
    expect(outcome.evidence.en).toMatch(/only line 4 \(COPY\)/);
  });
  test('copy, then install: the COPY and the RUN after it run again', () => {
    const outcome = check(state(copyFirst));
    expect(outcome.passed).toBe(false);
    expect(outcome.evidence.en).toMatch(/line\(s\) 3, 4 run again/);
  });
  test('a Dockerfile that does not copy app.py rebuilds nothing, which is not the point', () => {
    expect(check(state('FROM alpine:3.20\nRUN apk add --no-cache python3\n')).passed).toBe(false);
  });
  test('a Dockerfile error is named with its line', () => {
    const outcome = check(state('FROM alpine:3.20\nFROBNICATE x\n'));
    expect(outcome.passed).toBe(false);
    expect(outcome.evidence.en).toMatch(/Line 2/);
  });
  test('the code change changes app.py only', () => {
    const changed = withCodeChange(defaultContext);
    expect(changed['app.py']).not.toBe(defaultContext['app.py']);
    expect(changed['templates/index.html']).toBe(defaultContext['templates/index.html']);
  });
});

describe('layersAppImageComplete', () => {
  const check = imageLayersChecks.layersAppImageComplete;
  test('python3, the context in /app and a command that runs app.py', () => {
    expect(check(state(good)).passed).toBe(true);
  });
  test('without python3, or without the template, or without WORKDIR, it fails naming what is missing', () => {
    expect(check(state(good.replace('RUN apk add --no-cache python3\n', ''))).evidence.en).toMatch(/python3/);
    expect(check(state(good.replace('COPY . .', 'COPY app.py .'))).evidence.en).toMatch(
      /templates\/index.html/,
    );
    expect(check(state(good.replace('WORKDIR /app\n', ''))).passed).toBe(false);
  });
});

describe('imageLayersStateProblems', () => {
  test('the default state and one with a fresh host are valid', () => {
    expect(imageLayersStateProblems(defaultImageLayersState)).toEqual([]);
    expect(imageLayersStateProblems({ ...defaultImageLayersState, host: initialState() })).toEqual([]);
  });
  test('wrong shapes name the field', () => {
    expect(imageLayersStateProblems({ dockerfile: 1, context: {} })[0]).toMatch(/^dockerfile:/);
    expect(imageLayersStateProblems({ dockerfile: '', context: { '../x': 'a' } })[0]).toMatch(
      /^context\.\.\.\/x:/,
    );
    expect(imageLayersStateProblems({ dockerfile: '', context: {}, extra: 1 })[0]).toMatch(/^extra:/);
  });
  test('a host whose layer does not match its digest is refused', () => {
    const built = build(initialState(), { dockerfile: good, context: defaultContext });
    if (!built.ok) throw new Error(built.error.message.en);
    const host = built.state;
    const [digest, layer] = Object.entries(host.layers)[0] as [string, (typeof host.layers)[never]];
    const tampered = { ...host, layers: { ...host.layers, [digest]: { ...layer, entries: [] } } };
    expect(imageLayersStateProblems({ ...defaultImageLayersState, host: tampered }).join('\n')).toMatch(
      /host\.layers\..*does not match its digest/,
    );
  });
});
