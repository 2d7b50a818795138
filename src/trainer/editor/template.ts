// What a new exercise starts from in the editor: a small, complete exercise in the repository's format that
// passes the try as it is, so a trainer changes a working example instead of facing an empty box.

/** The template's id, made unique for each new exercise (uniqueTemplateId): two trainers' exercises made
 * from it must not share an id in one learner's links. */
export const TEMPLATE_ID = 'my-exercise';

/** Its setup is `true`: a setup runs again at every reload of the learner's machine, so `rm -f /root/hello`
 * would delete the answer (the proof's setup-again round catches that). */
export const templateYaml = `id: ${TEMPLATE_ID}
chapter: kernel-features
kind: linux
difficulty: 1
estimatedMinutes: 5
title:
  ja: /root/hello を作る
  en: Create /root/hello
setup: |
  true
tasks:
  - id: file-exists
    title:
      ja: /root/hello がある
      en: /root/hello exists
    check: |
      if [ -f /root/hello ]; then echo "found /root/hello"; else echo "no /root/hello"; exit 1; fi
    pass:
      ja: ファイルがあります。
      en: The file exists.
    fail:
      ja: /root/hello がまだありません。
      en: There is no /root/hello yet.
    hints:
      - ja: 空のファイルを作るコマンドは touch です。
        en: The command that makes an empty file is touch.
solution: |
  touch /root/hello
nearMisses:
  - title:
      ja: 別のディレクトリに作る
      en: Created in another directory
    script: |
      touch /tmp/hello
    fails: [file-exists]
`;

export const templateInstructions = {
  ja: '`/root/hello` という名前の空のファイルを作ってください。',
  en: 'Create an empty file named `/root/hello`.',
};

/** `my-exercise-<8 hex digits>` from 4 random bytes (crypto.getRandomValues in the page). */
export function uniqueTemplateId(random: Uint8Array): string {
  return `${TEMPLATE_ID}-${[...random.slice(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** The template's exercise.yaml with another id (its first line). */
export function templateYamlWithId(id: string): string {
  return templateYaml.replace(`id: ${TEMPLATE_ID}\n`, `id: ${id}\n`);
}
