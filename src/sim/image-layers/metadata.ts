// Instructions that change only the image config (https://docs.docker.com/reference/dockerfile/ and the OCI
// config fields they set: https://github.com/opencontainers/image-spec/blob/main/config.md).
import { type BuildState, lineError, splitArgs, substitute, vars } from './build-state.ts';
import type { DockerInstruction } from './dockerfile-parser.ts';
import { withEnv } from './image.ts';
import type { ModelError, RunConfig, Text } from './types.ts';

export const METADATA = new Set([
  'ENV',
  'ARG',
  'LABEL',
  'EXPOSE',
  'USER',
  'CMD',
  'ENTRYPOINT',
  'VOLUME',
  'STOPSIGNAL',
  'SHELL',
  'HEALTHCHECK',
  'MAINTAINER',
]);

export function metadataText(keyword: string): Text {
  const field: Record<string, string> = {
    ENV: 'Env',
    ARG: '—',
    LABEL: 'Labels',
    EXPOSE: 'ExposedPorts',
    USER: 'User',
    CMD: 'Cmd',
    ENTRYPOINT: 'Entrypoint',
    VOLUME: 'Volumes',
    STOPSIGNAL: 'StopSignal',
    SHELL: 'Shell',
    HEALTHCHECK: 'Healthcheck',
    MAINTAINER: 'Labels.maintainer',
    WORKDIR: 'WorkingDir',
  };
  if (keyword === 'ARG')
    return {
      ja: 'ビルド中だけの変数です。イメージの設定にもレイヤーにも残りませんが、後の RUN の環境に入るので、値を変えると後の RUN のキャッシュが外れます。',
      en: 'A build-time variable: it stays in neither the config nor a layer, but later RUN steps get it in their environment, so a new value misses their cache.',
    };
  const reaches = keyword === 'ENV' || keyword === 'USER' || keyword === 'SHELL';
  return {
    ja: `イメージの設定（${field[keyword]}）だけを変え、レイヤーは作りません。${reaches ? '後の RUN はこの値で動くので、変えると後の RUN のキャッシュが外れます。' : '後のステップのキャッシュはこの値に左右されません。'}`,
    en: `Changes only the image config (${field[keyword]}); no layer.${reaches ? ' Later RUN steps run with it, so changing it misses their cache.' : ' The cache of later steps does not depend on it.'}`,
  };
}

function exposed(port: string): string | null {
  const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(port);
  return m ? `${m[1]}/${(m[2] ?? 'tcp').toLowerCase()}` : null;
}

/** Applies a metadata instruction to the config; an error for a malformed one. */
export function applyMetadata(
  ins: DockerInstruction,
  b: BuildState,
  buildArgs: Readonly<Record<string, string>>,
): ModelError | null {
  const v = vars(b);
  const run = b.run as { -readonly [K in keyof RunConfig]: RunConfig[K] };
  const commandForm = (): readonly string[] => ins.json ?? ['/bin/sh', '-c', ins.args];
  switch (ins.keyword) {
    case 'ENV':
    case 'LABEL': {
      const props = ins.properties ?? [];
      if (props.length === 0)
        return lineError(ins, 'missing-arguments', {
          ja: 'NAME=値 の形の引数が必要です。',
          en: 'needs NAME=value arguments.',
        });
      if (props.some((p) => p.value === null))
        // BuildKit's parser: "ENV must have two arguments" for a name with neither = nor a value.
        return lineError(ins, 'missing-value', {
          ja: `${ins.keyword} には値が必要です（NAME=値 の形で書きます）。`,
          en: `${ins.keyword} must have two arguments (write NAME=value).`,
        });
      if (ins.keyword === 'ENV') {
        let env = [...(run.Env ?? [])];
        // Every value of one ENV sees the variables as they were before it (Dockerfile reference, ENV).
        for (const p of props) env = withEnv(env, p.name, substitute(p.value ?? '', v));
        run.Env = env;
      } else {
        const labels = { ...(run.Labels ?? {}) };
        for (const p of props) labels[substitute(p.name, v)] = substitute(p.value ?? '', v);
        run.Labels = labels;
      }
      return null;
    }
    case 'ARG': {
      for (const p of ins.properties ?? []) {
        const value = buildArgs[p.name] ?? (p.value === null ? undefined : substitute(p.value, v));
        if (value !== undefined) b.args[p.name] = value;
      }
      return null;
    }
    case 'EXPOSE': {
      const ports = { ...(run.ExposedPorts ?? {}) };
      for (const w of splitArgs(substitute(ins.args, v))) {
        const p = exposed(w);
        if (!p)
          return lineError(ins, 'bad-port', {
            ja: `${w} はポートとして読めません（例：80、53/udp）。`,
            en: `${w} is not a port (such as 80 or 53/udp).`,
          });
        ports[p] = {};
      }
      run.ExposedPorts = ports;
      return null;
    }
    case 'USER':
      run.User = substitute(ins.args, v).trim();
      return null;
    case 'CMD':
      run.Cmd = commandForm();
      b.cmdSetHere = true;
      return null;
    case 'ENTRYPOINT':
      run.Entrypoint = commandForm();
      // "If CMD is defined from the base image, setting ENTRYPOINT will reset CMD to an empty value."
      if (!b.cmdSetHere) delete run.Cmd;
      return null;
    case 'VOLUME': {
      const vols = { ...(run.Volumes ?? {}) };
      for (const w of ins.json ?? splitArgs(substitute(ins.args, v))) vols[w] = {};
      run.Volumes = vols;
      return null;
    }
    case 'STOPSIGNAL':
      run.StopSignal = substitute(ins.args, v).trim();
      return null;
    case 'SHELL':
      if (!ins.json)
        return lineError(ins, 'shell-json', {
          ja: 'SHELL は JSON 形式（例：["/bin/bash", "-c"]）で書く必要があります。',
          en: 'SHELL must be written in JSON form (such as ["/bin/bash", "-c"]).',
        });
      run.Shell = ins.json;
      return null;
    case 'HEALTHCHECK': {
      const rest = ins.args.trim();
      if (/^NONE$/i.test(rest)) run.Healthcheck = { Test: ['NONE'] };
      else if (/^CMD\s/i.test(rest)) {
        const cmd = rest.replace(/^CMD\s+/i, '');
        let json: string[] | undefined;
        try {
          const parsed: unknown = JSON.parse(cmd);
          if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) json = parsed;
        } catch {
          json = undefined;
        }
        run.Healthcheck = { Test: json ? ['CMD', ...json] : ['CMD-SHELL', cmd] };
      } else
        return lineError(ins, 'bad-healthcheck', {
          ja: 'HEALTHCHECK は CMD … か NONE で書きます。',
          en: 'HEALTHCHECK takes CMD … or NONE.',
        });
      return null;
    }
    case 'MAINTAINER':
      run.Labels = { ...(run.Labels ?? {}), maintainer: ins.args.trim() };
      return null;
    default:
      return null;
  }
}
