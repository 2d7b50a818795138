// docker build in the model: what each instruction kind makes (layer, empty, metadata), the config it
// writes, the errors a learner gets (naming the line), and the build cache's rules.
import { describe, expect, test } from 'vitest';
import {
  type BuildOptions,
  build,
  findImage,
  imageTree,
  initialState,
  type LayersState,
} from '../../../../src/sim/image-layers/index.ts';
import { errorOf, ok } from './helpers.ts';

function built(dockerfile: string, extra: Partial<BuildOptions> = {}, state: LayersState = initialState()) {
  return ok(build(state, { dockerfile, tag: 'app:test', ...extra }));
}

function stepsOf(dockerfile: string, extra: Partial<BuildOptions> = {}) {
  return built(dockerfile, extra).report.steps.map((s) => `${s.keyword}:${s.kind}:${s.cache}`);
}

describe('what each instruction makes', () => {
  test('FROM pulls a missing base image and starts from its layers', () => {
    const { report, state } = built('FROM alpine:3.20\n');
    expect(report.steps[0]).toMatchObject({ kind: 'base', cache: 'none' });
    expect(report.pulled?.layers.map((l) => l.status)).toEqual(['transferred']);
    expect(report.layers).toEqual(findImage(state, 'alpine:3.20')?.config.rootfs.diff_ids);
  });

  test('FROM scratch starts with no layers; a shell-form RUN then has no /bin/sh', () => {
    expect(built('FROM scratch\nCOPY a.txt /\n', { context: { 'a.txt': 'a\n' } }).report.layers).toHaveLength(
      1,
    );
    const error = errorOf(build(initialState(), { dockerfile: 'FROM scratch\nRUN echo hi > /x\n' }));
    expect(error).toMatchObject({ code: 'command-failed', line: 2 });
    expect(error.en).toMatch(/no \/bin\/sh/);
  });

  test('RUN, COPY and ADD make layers holding only what they changed', () => {
    const { report, state } = built(
      'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app.py /srv/\nADD conf.ini /etc/app.ini\n',
      { context: { 'app.py': 'print("hi")\n', 'conf.ini': '[a]\n' } },
    );
    expect(report.steps.map((s) => s.kind)).toEqual(['base', 'layer', 'layer', 'layer']);
    expect(report.steps[1]?.paths).toContain('/usr/bin/curl');
    expect(report.steps[1]?.paths).toContain('/lib/apk/db/installed');
    expect(report.steps[2]?.paths).toEqual(['/srv', '/srv/app.py']);
    expect(report.steps[3]?.paths).toEqual(['/etc', '/etc/app.ini']);
    const tree = imageTree(state, findImage(state, 'app:test') as never);
    expect(tree['/srv/app.py']).toMatchObject({
      type: 'file',
      content: 'print("hi")\n',
      owner: '0',
      mode: 0o644,
    });
  });

  test('metadata instructions change only the config', () => {
    const { report, state } = built(
      [
        'FROM alpine:3.20',
        'ARG VERSION=1.2',
        'ENV APP_HOME=/srv VERSION=$VERSION',
        'LABEL org.opencontainers.image.title="demo app"',
        'EXPOSE 8080 53/udp',
        'USER 1000',
        'VOLUME /data',
        'STOPSIGNAL SIGTERM',
        'HEALTHCHECK CMD wget -q -O- localhost:8080',
        'ENTRYPOINT ["/srv/run"]',
        'CMD ["--port", "8080"]',
      ].join('\n'),
    );
    expect(report.steps.slice(1).every((s) => s.kind === 'metadata' && s.cache === 'none')).toBe(true);
    expect(report.layers).toHaveLength(1);
    const config = findImage(state, 'app:test')?.config.config;
    expect(config).toMatchObject({
      Env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'APP_HOME=/srv',
        'VERSION=1.2',
      ],
      Labels: { 'org.opencontainers.image.title': 'demo app' },
      ExposedPorts: { '8080/tcp': {}, '53/udp': {} },
      User: '1000',
      Volumes: { '/data': {} },
      StopSignal: 'SIGTERM',
      Healthcheck: { Test: ['CMD-SHELL', 'wget -q -O- localhost:8080'] },
      Entrypoint: ['/srv/run'],
      Cmd: ['--port', '8080'],
    });
    const history = findImage(state, 'app:test')?.config.history ?? [];
    // ARG leaves no history entry; the others are empty_layer entries after alpine's two.
    expect(history.slice(2).map((h) => h.created_by.split(' ')[0])).toEqual([
      'ENV',
      'LABEL',
      'EXPOSE',
      'USER',
      'VOLUME',
      'STOPSIGNAL',
      'HEALTHCHECK',
      'ENTRYPOINT',
      'CMD',
    ]);
    expect(history.slice(2).every((h) => h.empty_layer)).toBe(true);
  });

  test('ENTRYPOINT resets a CMD inherited from the base image; CMD in shell form runs /bin/sh -c', () => {
    const a = built('FROM alpine:3.20\nENTRYPOINT ["/bin/busybox"]\n');
    expect(findImage(a.state, 'app:test')?.config.config.Cmd).toBeUndefined();
    const b = built('FROM alpine:3.20\nCMD echo hello\n');
    expect(findImage(b.state, 'app:test')?.config.config.Cmd).toEqual(['/bin/sh', '-c', 'echo hello']);
  });

  test('WORKDIR makes a layer only when it creates the directory, owned by the USER', () => {
    expect(stepsOf('FROM alpine:3.20\nWORKDIR /app\nWORKDIR /app\nWORKDIR /tmp\nWORKDIR /\n')).toEqual([
      'FROM:base:none',
      'WORKDIR:layer:miss',
      'WORKDIR:empty:miss',
      'WORKDIR:empty:miss',
      'WORKDIR:metadata:none',
    ]);
    const { state } = built('FROM alpine:3.20\nUSER 1000\nWORKDIR data\n');
    const image = findImage(state, 'app:test');
    expect(image?.config.config.WorkingDir).toBe('/data');
    expect(imageTree(state, image as never)['/data']).toEqual({ type: 'dir', mode: 0o755, owner: '1000' });
  });

  test('a RUN that changes no file makes no layer (empty_layer in the history)', () => {
    const { report, state } = built('FROM alpine:3.20\nRUN echo building\n');
    expect(report.steps[1]).toMatchObject({ kind: 'empty', cache: 'miss' });
    expect(findImage(state, 'app:test')?.config.history.at(-1)).toMatchObject({ empty_layer: true });
  });

  test('deleting in a later RUN leaves a whiteout and does not shrink the image', () => {
    const { report } = built('FROM debian:12-slim\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\n');
    const [, update, cleanup] = report.steps;
    expect(update?.layer?.size).toBeGreaterThan(9_000_000);
    expect(cleanup?.layer?.size).toBe(0);
    expect(cleanup?.paths?.filter((p) => p.includes('.wh.'))).toHaveLength(2);
    expect(cleanup?.changes?.filter((c) => c.kind === 'D').map((c) => c.path)).toEqual([
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease',
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4',
    ]);
    expect(update?.changes).toContainEqual({
      kind: 'A',
      path: '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease',
    });
    expect(update?.changes).toContainEqual({ kind: 'C', path: '/var/lib/apt/lists' });
    const together = built(
      'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    );
    expect(together.report.steps[1]?.layer?.size).toBeLessThan(1_200_000);
  });

  test('apk add without --no-cache keeps the package index in the layer', () => {
    const cached = built('FROM alpine:3.20\nRUN apk add curl\n').report.steps[1]?.layer?.size ?? 0;
    const noCache =
      built('FROM alpine:3.20\nRUN apk add --no-cache curl\n').report.steps[1]?.layer?.size ?? 0;
    expect(cached - noCache).toBe(540_000 + 1_380_000);
  });

  test('chmod in its own RUN stores the whole file again', () => {
    const { report } = built('FROM alpine:3.20\nCOPY run.sh /run.sh\nRUN chmod +x /run.sh\n', {
      context: { 'run.sh': '#!/bin/sh\necho hi\n' },
    });
    expect(report.steps[2]?.paths).toEqual(['/run.sh']);
    expect(report.steps[2]?.layer?.size).toBe(report.steps[1]?.layer?.size);
  });

  test('COPY --chown and --chmod set owner and mode; a directory source copies its contents', () => {
    const { state } = built('FROM alpine:3.20\nCOPY --chown=app:app --chmod=750 src /opt/app\n', {
      context: { 'src/main.py': 'x\n', 'src/lib/util.py': 'y\n' },
    });
    const tree = imageTree(state, findImage(state, 'app:test') as never);
    expect(tree['/opt/app/main.py']).toMatchObject({ owner: 'app', mode: 0o750 });
    expect(tree['/opt/app/lib/util.py']).toMatchObject({ owner: 'app', content: 'y\n' });
    expect(tree['/opt/app/src']).toBeUndefined();
  });

  test('RUN expands ENV and ARG values; cd lasts only for its RUN', () => {
    const { state } = built(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: ${NAME} is the Dockerfile's, not JavaScript's
      'FROM alpine:3.20\nARG NAME=world\nENV DIR=/srv\nRUN mkdir $DIR && cd $DIR && echo "hello ${NAME}" > hello.txt\nRUN echo x > here.txt\n',
    );
    const tree = imageTree(state, findImage(state, 'app:test') as never);
    expect(tree['/srv/hello.txt']?.type === 'file' && tree['/srv/hello.txt'].content).toBe('hello world\n');
    expect(tree['/here.txt']).toBeDefined();
  });

  test('a non-root USER cannot install packages or write to root-owned directories', () => {
    expect(
      errorOf(build(initialState(), { dockerfile: 'FROM alpine:3.20\nUSER 1000\nRUN apk add curl\n' })).en,
    ).toMatch(/Permission denied/);
    expect(
      errorOf(build(initialState(), { dockerfile: 'FROM alpine:3.20\nUSER 1000\nRUN echo x > /etc/x\n' })).en,
    ).toMatch(/Permission denied/);
    ok(build(initialState(), { dockerfile: 'FROM alpine:3.20\nUSER 1000\nRUN echo x > /tmp/x\n' }));
  });

  test('USER by name needs the user in /etc/passwd; adduser makes one with a home it owns', () => {
    const missing = errorOf(
      build(initialState(), { dockerfile: 'FROM alpine:3.20\nUSER app\nRUN echo hi\n' }),
    );
    expect(missing).toMatchObject({ code: 'no-such-user', line: 3 });
    expect(missing.en).toMatch(/unable to find user app/);
    const { state } = built(
      'FROM alpine:3.20\nRUN adduser -D app\nUSER app\nWORKDIR /home/app\nRUN echo hi > hello\n',
    );
    const tree = imageTree(state, findImage(state, 'app:test') as never);
    expect(tree['/home/app/hello']).toMatchObject({ owner: 'app' });
    expect(tree['/etc/passwd']?.type === 'file' && tree['/etc/passwd'].content).toMatch(/^app:x:1000:1000:/m);
  });

  test('SHELL changes the shell RUN uses (and must exist), and so the cache of later RUN steps', () => {
    expect(
      errorOf(
        build(initialState(), { dockerfile: 'FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\nRUN mkdir /a\n' }),
      ).en,
    ).toMatch(/There is no \/bin\/bash/);
    const first = built('FROM debian:12-slim\nRUN mkdir /a\n');
    const second = built('FROM debian:12-slim\nSHELL ["/bin/bash", "-c"]\nRUN mkdir /a\n', {}, first.state);
    expect(second.report.steps.map((s) => s.cache)).toEqual(['none', 'none', 'miss']);
  });

  test('the image ID is the digest of the config: the same Dockerfile gives the same ID', () => {
    const a = built('FROM alpine:3.20\nRUN mkdir /a\n');
    const b = built('FROM alpine:3.20\nRUN mkdir /a\n');
    expect(a.report.imageId).toBe(b.report.imageId);
    expect(a.report.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('errors name the line and say what is wrong, in both languages', () => {
  const cases: [string, string, number, RegExp][] = [
    ['RUN echo hi\n', 'no-from', 1, /must start with FROM/],
    ['FROM alpine:3.20\nFOO bar\n', 'unknown-instruction', 2, /unknown instruction: FOO/],
    ['FROM alpine:3.20\n\nRUN make all\n', 'unknown-command', 3, /does not know what make does/],
    ['FROM alpine:3.20\nRUN apk add vim\n', 'command-failed', 2, /unable to select packages: vim/],
    [
      'FROM debian:12-slim\nRUN apt-get install -y curl\n',
      'command-failed',
      2,
      /Unable to locate package curl.*apt-get update first/,
    ],
    [
      'FROM debian:12-slim\nRUN apt-get update && apt-get install curl\n',
      'command-failed',
      2,
      /Do you want to continue/,
    ],
    ['FROM debian:12-slim\nRUN apk add curl\n', 'command-failed', 2, /apk: not found/],
    ['FROM alpine:3.20\nCOPY missing.txt /\n', 'source-not-found', 2, /no missing\.txt/],
    ['FROM alpine:3.20\nRUN cat /etc/motd | wc -l\n', 'unknown-command', 2, /does not handle \|/],
    ['FROM alpine:3.20\nRUN mkdir /a/b\n', 'command-failed', 2, /-p creates the parents/],
    ['FROM alpine:3.20\nRUN rm /nope\n', 'command-failed', 2, /No such file/],
    ['FROM alpine:3.20\nFROM debian:12-slim\n', 'multi-stage', 2, /one stage/],
    ['FROM alpine:3.20\nCOPY --from=build /a /b\n', 'multi-stage', 2, /multi-stage/],
    ['FROM nosuch:1\n', 'not-in-registry', 1, /registry has no nosuch:1/],
    ['FROM alpine:3.20\nADD https://example.com/x.tar.gz /\n', 'add-url', 2, /needs the network/],
    ['FROM alpine:3.20\nEXPOSE http\n', 'bad-port', 2, /is not a port/],
    ['FROM alpine:3.20\nRUN\n', 'missing-arguments', 2, /no arguments/],
    ['FROM alpine:3.20\nARG\n', 'missing-arguments', 2, /no arguments/],
    ['FROM alpine:3.20\nENV FOO\n', 'missing-value', 2, /must have two arguments/],
    ['FROM alpine:3.20\nRUN rm -rf /\n', 'command-failed', 2, /refusing to remove/],
    ['FROM alpine:3.20\nUSER app\nWORKDIR /srv\n', 'no-such-user', 3, /unable to find user app/],
    ['FROM alpine:3.20\nRUN <<EOF\nmkdir /a\nEOF\n', 'heredoc', 2, /here-documents/],
  ];
  test.each(cases)('%j → %s on line %i', (dockerfile, code, line, en) => {
    const error = errorOf(build(initialState(), { dockerfile, context: {} }));
    expect(error.code).toBe(code);
    expect(error.line).toBe(line);
    expect(error.en).toMatch(en);
    expect(error.en.startsWith(`Line ${line} `) || code === 'no-from').toBe(true);
    expect(error.ja).toMatch(new RegExp(`^${line} 行目`));
    expect(error.ja).not.toBe(error.en);
  });

  test('every line is checked before any runs, as Docker parses the whole file first', () => {
    const error = errorOf(
      build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN make\nCOPY\nFOO bar\n' }),
    );
    expect(error).toMatchObject({ code: 'missing-arguments', line: 3 });
    expect(
      errorOf(build(initialState(), { dockerfile: 'RUN x\nONBUILD RUN y\nFROM alpine:3.20\n' })),
    ).toMatchObject({ code: 'unsupported-instruction', line: 2 });
  });

  test('a command after ; runs even if the one before failed; after && it does not', () => {
    ok(build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN rm /nope ; mkdir /a\n' }));
    expect(
      errorOf(build(initialState(), { dockerfile: 'FROM alpine:3.20\nRUN rm /nope && mkdir /a\n' })).code,
    ).toBe('command-failed');
  });

  test('a failed build leaves the state as it was', () => {
    const state = initialState();
    const outcome = build(state, { dockerfile: 'FROM alpine:3.20\nRUN make\n' });
    expect(outcome.ok).toBe(false);
    expect(state).toEqual(initialState());
  });
});

describe('the build cache', () => {
  const dockerfile =
    'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app.py /srv/\nRUN echo built > /srv/stamp\nLABEL v=1\n';
  const context = { 'app.py': 'print(1)\n' };

  test('a second identical build takes every step from the cache', () => {
    const first = built(dockerfile, { context });
    const second = built(dockerfile, { context }, first.state);
    expect(second.report.steps.map((s) => s.cache)).toEqual(['none', 'hit', 'hit', 'hit', 'none']);
    expect(second.report.imageId).toBe(first.report.imageId);
  });

  test('a changed file in the context misses COPY and everything after it, not before', () => {
    const first = built(dockerfile, { context });
    const second = built(dockerfile, { context: { 'app.py': 'print(2)\n' } }, first.state);
    expect(second.report.steps.map((s) => s.cache)).toEqual(['none', 'hit', 'miss', 'miss', 'none']);
  });

  test('RUN is matched by its text, never by what it would fetch', () => {
    const first = built('FROM debian:12-slim\nRUN apt-get update\n');
    expect(built('FROM debian:12-slim\nRUN apt-get update\n', {}, first.state).report.steps[1]?.cache).toBe(
      'hit',
    );
  });

  test('a changed LABEL rebuilds nothing; a changed ENV misses the RUN steps after it', () => {
    const base = 'FROM alpine:3.20\nLABEL v=1\nENV MODE=a\nCOPY app.py /srv/\nRUN echo $MODE > /srv/mode\n';
    const first = built(base, { context });
    const label = built(base.replace('v=1', 'v=2'), { context }, first.state);
    expect(label.report.steps.map((s) => s.cache)).toEqual(['none', 'none', 'none', 'hit', 'hit']);
    const env = built(base.replace('MODE=a', 'MODE=b'), { context }, first.state);
    expect(env.report.steps.map((s) => s.cache)).toEqual(['none', 'none', 'none', 'hit', 'miss']);
  });

  test('a new --build-arg value misses the RUN steps after its ARG', () => {
    const df = 'FROM alpine:3.20\nARG V=1\nRUN mkdir /a\n';
    const first = built(df);
    expect(built(df, { buildArgs: { V: '1' } }, first.state).report.steps[2]?.cache).toBe('hit');
    expect(built(df, { buildArgs: { V: '2' } }, first.state).report.steps[2]?.cache).toBe('miss');
  });

  test('--no-cache runs every step', () => {
    const first = built(dockerfile, { context });
    const second = built(dockerfile, { context, noCache: true }, first.state);
    expect(second.report.steps.map((s) => s.cache)).toEqual(['none', 'miss', 'miss', 'miss', 'none']);
    // Run again, the steps make the same layers: a layer's digest depends on its content only.
    expect(second.report.layers).toEqual(first.report.layers);
  });
});
