// "Make link": an assignment link holding the editor's exercise alone (exercise-work.ts makeLink), with its
// length and version (the short content digest the roster shows), or why there is none (one of them: it keeps
// the id of a site exercise, which learners' pages refuse).
import { fill } from '../strings.ts';
import { type EditorContext, work } from './context.ts';

export function wireLinkForm(context: EditorContext): void {
  const { t, lang, say } = context;
  const form = context.find<HTMLFormElement>('[data-editor-link]');
  const field = context.find<HTMLInputElement>('[data-link]');
  const linkMessage = context.find('[data-link-message]');
  const result = context.find('[data-link-result]');
  form?.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!field || !linkMessage || !result) return;
    result.hidden = true;
    await context.checkNow();
    const exercise = context.current();
    if (!exercise) {
      say(linkMessage, context.message.textContent ?? '', true);
      return;
    }
    const title = String(new FormData(form).get('title') ?? '').trim();
    if (title === '') {
      say(linkMessage, t.needTitle, true);
      form.querySelector<HTMLInputElement>('[name="title"]')?.focus();
      return;
    }
    const made = await (await work()).makeLink(exercise, title, lang, context.siteIds);
    if (made.ok) {
      field.value = made.link;
      // The trainer can solve it as a learner would: the assignment page links to the exercise.
      result.querySelector('[data-link-open]')?.setAttribute('href', made.link);
      result.hidden = false;
      // The short digest is what the roster shows as the version of each learner's exercise.
      linkMessage.dataset.digest = made.digest.slice(0, 12);
      say(linkMessage, fill(t.linkMade, { chars: made.chars, digest: made.digest.slice(0, 12) }), false);
    } else
      say(
        linkMessage,
        made.siteId
          ? fill(t.linkSiteId, { id: made.siteId.id, suggested: made.siteId.suggested })
          : made.tooLong
            ? fill(t.linkTooLong, made.tooLong)
            : made.tooBig
              ? fill(t.linkTooBig, made.tooBig)
              : fill(t.linkProblem, { problem: made.problems.join('; ') }),
        true,
      );
  });
}
