// Client of <Roster>: files → readReportFile → list of verdicts + a sortable table + CSV download.

import { shortDigest } from '../exercises/canonical-json.ts';
import type { CustomExercise } from '../exercises/custom-exercise.ts';
import {
  noteIndex,
  type RosterColumn,
  type RosterInput,
  type RosterRow,
  rosterRows,
  sortRows,
  toCsv,
  type VersionNote,
  versionNotes,
} from '../exercises/roster.ts';
import { langOfUrlPath } from '../site/locales.ts';
import type { CatalogExercise } from './catalog.ts';
import { dataJson, download, formatDate, h, onDropped } from './dom.ts';
import { customVersions, type RosterFile, readReportFile, rosterInput, versionKey } from './roster-files.ts';
import { fill, trainerStrings } from './strings.ts';

type Column = { key: RosterColumn; label: string };

function setUp(root: HTMLElement): void {
  const lang = langOfUrlPath(location.pathname);
  const t = trainerStrings[lang];
  const catalog = dataJson<CatalogExercise[]>(root, 'catalog');
  const drop = root.querySelector<HTMLElement>('[data-drop]');
  const input = root.querySelector<HTMLInputElement>('[data-files]');
  const message = root.querySelector<HTMLElement>('[data-message]');
  const fileList = root.querySelector<HTMLElement>('[data-file-list]');
  const notesBox = root.querySelector<HTMLElement>('[data-version-notes]');
  const table = root.querySelector<HTMLElement>('[data-table]');
  const csvButton = root.querySelector<HTMLButtonElement>('[data-action="csv"]');
  const clearButton = root.querySelector<HTMLButtonElement>('[data-action="clear"]');
  if (!drop || !input || !message || !fileList || !notesBox || !table || !csvButton || !clearButton) return;

  let files: RosterFile[] = [];
  let sort: { column: RosterColumn; direction: 'asc' | 'desc' } = { column: 'learner', direction: 'asc' };
  const columns: Column[] = [
    { key: 'learner', label: t.colLearner },
    { key: 'assignment', label: t.colAssignment },
    { key: 'exerciseId', label: t.colExercise },
    { key: 'taskId', label: t.colTask },
    { key: 'passed', label: t.colPassed },
    { key: 'passedAt', label: t.colPassedAt },
    { key: 'withHelp', label: t.colHelp },
    { key: 'intact', label: t.colIntact },
  ];

  /** The reports' own exercises by id and digest: a custom exercise's titles come from the report's link. */
  let custom = new Map<string, CustomExercise>();
  /** The reports as rows are made of them, with the digests of the content each carries (roster-files.ts). */
  let inputs: RosterInput[] = [];
  let notes: VersionNote[] = [];
  const customOf = (row: RosterRow) =>
    row.contentDigest ? custom.get(versionKey(row.exerciseId, row.contentDigest)) : undefined;
  const exerciseTitle = (row: RosterRow) =>
    row.contentDigest
      ? (customOf(row)?.title[lang] ?? row.exerciseId)
      : (catalog.find((e) => e.id === row.exerciseId)?.title ?? row.exerciseId);
  const taskTitle = (row: RosterRow) =>
    (row.contentDigest
      ? customOf(row)?.tasks.find((task) => task.id === row.taskId)?.title[lang]
      : catalog.find((e) => e.id === row.exerciseId)?.tasks.find((task) => task.id === row.taskId)?.title) ??
    row.taskId;

  const cell = (row: RosterRow, key: RosterColumn): HTMLTableCellElement => {
    switch (key) {
      case 'exerciseId':
        return h(
          'td',
          {},
          exerciseTitle(row),
          h('code', { class: 'vlab-id' }, row.exerciseId),
          // A trainer's own exercise: which version the learner did (its content digest, report.ts).
          row.contentDigest
            ? h(
                'span',
                { class: 'vlab-digest', attrs: { 'data-content-digest': row.contentDigest } },
                ` ${t.customBadge}${t.separator}${fill(t.customVersion, { digest: shortDigest(row.contentDigest) })}`,
              )
            : null,
          versionMarker(row),
        );
      case 'taskId':
        return h('td', {}, taskTitle(row));
      case 'passed':
        return h('td', { class: row.passed ? 'vlab-pass' : 'vlab-todo' }, row.passed ? t.yes : t.no);
      case 'passedAt':
        return h('td', {}, row.passedAt ? formatDate(row.passedAt, lang) : '—');
      case 'withHelp':
        return h(
          'td',
          {},
          !row.withHelp
            ? t.helpNone
            : [
                row.hintsUsed === 1
                  ? t.helpHint
                  : row.hintsUsed > 1
                    ? fill(t.helpHints, { n: row.hintsUsed })
                    : '',
                row.solutionUsed ? t.helpSolution : '',
              ]
                .filter(Boolean)
                .join(lang === 'ja' ? '、' : ', '),
        );
      case 'intact':
        return h('td', { class: row.intact ? '' : 'vlab-bad' }, row.intact ? t.intactOk : t.intactBad);
      default:
        return h('td', {}, String(row[key]));
    }
  };

  /** A visible flag on a row whose version needs a look, pointing at the note that explains it. */
  const versionMarker = (row: RosterRow) => {
    const index = noteIndex(notes, row);
    if (row.versionProblem === null || index < 0) return null;
    return h(
      'a',
      {
        class: 'vlab-version-flag',
        attrs: { href: `#vlab-version-note-${index + 1}`, 'data-version-problem': row.versionProblem },
      },
      fill(row.versionProblem === 'content-mismatch' ? t.versionFlagMismatch : t.versionFlagSeveral, {
        n: index + 1,
      }),
    );
  };

  const learnerList = (learners: readonly string[]) =>
    learners.length <= 5
      ? learners.join(t.listSeparator)
      : fill(t.learnersAndMore, {
          names: learners.slice(0, 5).join(t.listSeparator),
          n: learners.length - 5,
        });

  const renderNotes = () => {
    notesBox.hidden = notes.length === 0;
    notesBox.replaceChildren(
      ...(notes.length === 0
        ? []
        : [
            h('h3', {}, t.versionNotesHeading),
            h(
              'ol',
              {},
              ...notes.map((note, i) =>
                h(
                  'li',
                  {
                    attrs: {
                      id: `vlab-version-note-${i + 1}`,
                      'data-version-note': note.kind,
                      'data-exercise': note.exerciseId,
                    },
                  },
                  ...(note.kind === 'content-mismatch'
                    ? [
                        fill(t.versionNoteMismatch, {
                          id: note.exerciseId,
                          learners: learnerList(note.learners),
                        }),
                      ]
                    : [
                        fill(t.versionNoteSeveral, { id: note.exerciseId, n: note.versions.length }),
                        h(
                          'ul',
                          {},
                          ...note.versions.map((version) =>
                            h(
                              'li',
                              { attrs: { 'data-content-digest': version.digest } },
                              fill(t.versionLearners, {
                                digest: shortDigest(version.digest),
                                learners: learnerList(version.learners),
                              }),
                            ),
                          ),
                        ),
                      ]),
                ),
              ),
            ),
          ]),
    );
  };

  const renderTable = () => {
    const rows = sortRows(rosterRows(inputs), sort.column, sort.direction);
    notes = versionNotes(rows);
    renderNotes();
    csvButton.disabled = rows.length === 0;
    clearButton.disabled = files.length === 0;
    if (rows.length === 0) {
      table.replaceChildren(h('p', {}, t.noRows));
      return;
    }
    const head = h(
      'tr',
      {},
      ...columns.map(({ key, label }) => {
        const active = sort.column === key;
        const button = h('button', { class: 'vlab-sort', attrs: { type: 'button' } }, label);
        button.addEventListener('click', () => {
          sort = { column: key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' };
          renderTable();
          table.querySelector<HTMLButtonElement>(`th[data-column="${key}"] button`)?.focus();
        });
        const attrs: Record<string, string> = { scope: 'col', 'data-column': key };
        if (active) attrs['aria-sort'] = sort.direction === 'asc' ? 'ascending' : 'descending';
        return h('th', { attrs }, button);
      }),
    );
    const body = rows.map((row) =>
      h(
        'tr',
        {
          class: !row.intact ? 'vlab-row-bad' : row.versionProblem ? 'vlab-row-version' : '',
          attrs: row.versionProblem ? { 'data-version-problem': row.versionProblem } : {},
        },
        ...columns.map(({ key }) => cell(row, key)),
      ),
    );
    table.replaceChildren(h('table', { class: 'vlab-table' }, h('thead', {}, head), h('tbody', {}, ...body)));
  };

  const colon = lang === 'ja' ? '：' : ': ';
  const renderFiles = () => {
    fileList.replaceChildren(
      ...files.map((file) => {
        if (file.state === 'ok') {
          return h(
            'li',
            { class: 'vlab-file-ok' },
            h('strong', {}, file.name),
            `${colon}${fill(t.fileOk, { learner: file.report.learner })}`,
          );
        }
        if (file.state === 'tampered') {
          return h(
            'li',
            { class: 'vlab-file-bad' },
            h('strong', {}, file.name),
            `${colon}${file.report.learner} — ${t.fileTampered}`,
          );
        }
        if (file.state === 'duplicate') {
          return h(
            'li',
            { class: 'vlab-file-note' },
            h('strong', {}, file.name),
            `${colon}${t.fileDuplicate}`,
          );
        }
        const why = {
          'too-large': fill(t.fileTooLarge, { size: file.size }),
          unreadable: t.fileUnreadable,
          'not-json': t.fileNotJson,
          invalid: t.fileInvalid,
        }[file.reason];
        return h(
          'li',
          { class: 'vlab-file-bad' },
          h('strong', {}, file.name),
          `${colon}${t.fileRefused} — ${why} ${t.problemsHeading}`,
          h('ul', {}, ...file.problems.slice(0, 20).map((problem) => h('li', {}, problem))),
        );
      }),
    );
  };

  const add = async (list: FileList | File[]) => {
    let ok = 0;
    let bad = 0;
    let duplicates = 0;
    for (const file of Array.from(list)) {
      const verdict = await readReportFile(
        { name: file.name, size: file.size, text: () => file.text() },
        files,
      );
      files = [...files, verdict];
      if (verdict.state === 'ok' || verdict.state === 'tampered') ok++;
      else if (verdict.state === 'duplicate') duplicates++;
      else bad++;
    }
    message.textContent = [
      fill(t.filesLoaded, { ok, bad }),
      duplicates > 0 ? fill(t.filesDuplicate, { n: duplicates }) : '',
    ].join(' ');
    ({ inputs, versions: custom } = await customVersions(rosterInput(files)));
    renderFiles();
    renderTable();
  };

  input.addEventListener('change', () => {
    if (input.files) void add(input.files).finally(() => (input.value = ''));
  });
  onDropped(drop, (transfer) => {
    if (transfer.files.length) void add(transfer.files);
  });
  csvButton.addEventListener('click', () => {
    const rows = sortRows(rosterRows(inputs), sort.column, sort.direction);
    download(`roster-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows), 'text/csv;charset=utf-8');
  });
  clearButton.addEventListener('click', () => {
    files = [];
    inputs = [];
    custom = new Map();
    message.textContent = '';
    renderFiles();
    renderTable();
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-trainer-roster]')) setUp(root);
