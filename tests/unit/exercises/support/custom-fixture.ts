// A small custom exercise in the repository's format, as a trainer would write it in the editor.
import type { CustomExercise } from '../../../../src/exercises/custom-exercise.ts';
import type { LinuxTask } from '../../../../src/schemas/exercise.ts';

export const customTask: LinuxTask = {
  id: 'file-exists',
  title: { ja: '/root/hello がある', en: '/root/hello exists' },
  check: '[ -f /root/hello ] && echo "found /root/hello" || { echo "no /root/hello"; exit 1; }',
  pass: { ja: 'ファイルがあります。', en: 'The file exists.' },
  fail: { ja: 'ファイルがありません。', en: 'There is no such file.' },
  hints: [{ ja: 'touch を使います。', en: 'Use touch.' }],
};

export const customExercise: CustomExercise = {
  id: 'hello-file',
  chapter: 'kernel-features',
  kind: 'linux',
  difficulty: 1,
  estimatedMinutes: 5,
  title: { ja: '/root/hello を作る', en: 'Create /root/hello' },
  setup: 'rm -f /root/hello',
  tasks: [customTask],
  solution: 'touch /root/hello',
  nearMisses: [
    {
      title: { ja: '別の場所に作る', en: 'Created elsewhere' },
      script: 'touch /tmp/hello',
      fails: ['file-exists'],
    },
  ],
  instructions: {
    ja: '`/root/hello` という空のファイルを作ってください。',
    en: 'Create an empty file `/root/hello`.',
  },
};
