// Client of <AssignmentBuilder>: form → validated assignment → link, copy button, QR code (SVG via DOM).
import {
  type Assignment,
  AssignmentLinkError,
  assignmentSchema,
  encodeAssignment,
  MAX_FRAGMENT_CHARS,
  MAX_INFLATED_BYTES,
} from '../exercises/assignment.ts';
import { checkCustomExercise, customExerciseDigest, forLink } from '../exercises/custom-exercise.ts';
import { formatIssues } from '../exercises/format-issues.ts';
import { langOfUrlPath } from '../site/locales.ts';
import { assignmentUrl } from './catalog.ts';
import { h } from './dom.ts';
import { siteIdClash } from './editor/site-id.ts';
import { storedEditorExercise } from './editor-exercise.ts';
import { qrShape } from './qr.ts';
import { fill, trainerStrings } from './strings.ts';

const SVG = 'http://www.w3.org/2000/svg';

function qrSvg(text: string, label: string): SVGSVGElement | undefined {
  const shape = qrShape(text);
  if (!shape) return undefined;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${shape.size} ${shape.size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(shape.size));
  background.setAttribute('height', String(shape.size));
  background.setAttribute('class', 'vlab-qr-light');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', shape.path);
  modules.setAttribute('class', 'vlab-qr-dark');
  svg.append(background, modules);
  return svg;
}

function setUp(form: HTMLFormElement): void {
  const lang = langOfUrlPath(location.pathname);
  const t = trainerStrings[lang];
  const message = form.querySelector<HTMLElement>('[data-message]');
  const result = form.querySelector<HTMLElement>('[data-result]');
  const linkField = form.querySelector<HTMLInputElement>('[data-link]');
  const qr = form.querySelector<HTMLElement>('[data-qr]');
  const copyStatus = form.querySelector<HTMLElement>('[data-copy-status]');
  if (!message || !result || !linkField || !qr || !copyStatus) return;

  // The exercise editor's exercise, offered beside the site's (it travels inside the link).
  const siteIds = [...form.querySelectorAll<HTMLInputElement>('input[name="exercise"]')].map(
    (box) => box.value,
  );
  const stored = storedEditorExercise();
  const checked = stored === undefined ? undefined : checkCustomExercise(stored, 'stored');
  const editorExercise = checked?.ok ? checked.exercise : undefined;
  // Under a site exercise's id (a change proposed to it in the editor) it cannot go in a link: listed, disabled,
  // with the reason, rather than left out without a word.
  const clash = editorExercise && siteIdClash(editorExercise.id, siteIds);
  const own = clash ? undefined : editorExercise;
  const exercisesBox = form.querySelector('fieldset.vlab-exercises');
  if (editorExercise && exercisesBox) {
    // Its version, as the roster will show it beside each learner who did this exercise from the link.
    const version = h('span', { class: 'vlab-meta', attrs: { 'data-editor-version': '' } });
    void customExerciseDigest(editorExercise).then((digest) => {
      version.textContent = ` ${fill(t.customVersion, { digest: digest.slice(0, 12) })}`;
    });
    const reason = clash
      ? h(
          'p',
          {
            class: 'vlab-problem',
            attrs: { id: 'vlab-editor-exercise-reason', 'data-editor-exercise-reason': '' },
          },
          fill(t.editorExerciseSiteId, { id: clash.id, suggested: clash.suggested }),
        )
      : undefined;
    const box = clash
      ? h('input', {
          attrs: {
            type: 'checkbox',
            disabled: '',
            'aria-describedby': 'vlab-editor-exercise-reason',
            'data-custom': '',
          },
        })
      : h('input', {
          attrs: { type: 'checkbox', name: 'exercise', value: editorExercise.id, 'data-custom': '' },
        });
    exercisesBox.append(
      h(
        'fieldset',
        { class: 'vlab-chapter', attrs: { 'data-editor-exercise': editorExercise.id } },
        h('legend', {}, t.editorExerciseHeading),
        h('p', { class: 'vlab-meta vlab-meta-block' }, t.editorExerciseNote),
        h('label', { class: 'vlab-check' }, box, h('span', {}, editorExercise.title[lang]), version),
        reason,
      ),
    );
  }

  const say = (text: string, problem: boolean) => {
    message.textContent = text;
    message.classList.toggle('vlab-problem', problem);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const exercises = data.getAll('exercise').map(String);
    const title = String(data.get('title') ?? '').trim();
    const due = String(data.get('due') ?? '');
    if (title === '') {
      say(t.needTitle, true);
      form.querySelector<HTMLInputElement>('[name="title"]')?.focus();
      return;
    }
    if (exercises.length === 0) {
      say(t.needExercise, true);
      form.querySelector<HTMLInputElement>('[name="exercise"]')?.focus();
      return;
    }
    const candidate: Assignment = {
      title,
      note: String(data.get('note') ?? '').trim(),
      due: due === '' ? null : due,
      exercises,
      created: new Date().toISOString(),
      ...(own && exercises.includes(own.id) ? { custom: [forLink(own)] } : {}),
    };
    // The same schema the learner's page applies: a link that would be refused there is never made here.
    const parsed = assignmentSchema.safeParse(candidate, { reportInput: true });
    if (!parsed.success) {
      say(fill(t.linkProblem, { problem: formatIssues('assignment', parsed.error).join('; ') }), true);
      result.hidden = true;
      return;
    }
    let fragment: string;
    try {
      fragment = await encodeAssignment(parsed.data, siteIds);
    } catch (error) {
      if (!(error instanceof AssignmentLinkError)) throw error;
      say(
        error.unpackedBytes !== undefined
          ? fill(t.linkTooBig, { bytes: error.unpackedBytes, max: MAX_INFLATED_BYTES })
          : error.reason === 'too-large'
            ? fill(t.linkTooLong, { chars: error.chars ?? '?', max: MAX_FRAGMENT_CHARS })
            : fill(t.linkProblem, { problem: error.problems.join('; ') }),
        true,
      );
      result.hidden = true;
      return;
    }
    const link = assignmentUrl(location.origin, lang, fragment);
    linkField.value = link;
    copyStatus.textContent = '';
    const svg = qrSvg(link, t.qrLabel);
    qr.replaceChildren(svg ?? h('p', { class: 'vlab-problem' }, t.qrTooLong));
    result.hidden = false;
    say(fill(t.linkMade, { n: exercises.length }), false);
  });

  form.querySelector('[data-action="copy"]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(linkField.value);
      copyStatus.textContent = t.copied;
    } catch {
      linkField.select();
      copyStatus.textContent = t.copyFailed;
    }
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-trainer-builder]')) setUp(form);
