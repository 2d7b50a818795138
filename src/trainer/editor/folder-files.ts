// Reads an exercise folder the trainer chose or dropped: exercise.yaml and instructions.{ja,en}.md, by file name
// (wherever they sit in the folder). A folder holding one of them twice (content/exercises/ itself, or two
// exercises) is refused: its files would mix. Nothing is uploaded; files past MAX_FILE_BYTES are not read.
import type { ExerciseFiles } from '../../exercises/exercise-files.ts';

/** Far above any exercise file (a script may hold 16,000 characters): a bigger file is something else. */
export const MAX_FILE_BYTES = 200_000;
const wanted = ['exercise.yaml', 'instructions.ja.md', 'instructions.en.md'] as const;

export type FolderRead =
  | { ok: true; files: ExerciseFiles; names: string[] }
  | { ok: false; reason: 'no-yaml' | 'too-large'; name?: string }
  /** `name` came `count` times: the folder holds more than one exercise. */
  | { ok: false; reason: 'several'; name: string; count: number };

export async function readExerciseFiles(files: readonly File[]): Promise<FolderRead> {
  for (const name of wanted) {
    const count = files.filter((file) => file.name === name).length;
    if (count > 1) return { ok: false, reason: 'several', name, count };
  }
  const found: Partial<Record<(typeof wanted)[number], string>> = {};
  for (const file of files) {
    const name = wanted.find((candidate) => candidate === file.name);
    if (!name) continue;
    if (file.size > MAX_FILE_BYTES) return { ok: false, reason: 'too-large', name: file.name };
    found[name] = await file.text();
  }
  const yaml = found['exercise.yaml'];
  if (yaml === undefined) return { ok: false, reason: 'no-yaml' };
  return { ok: true, files: { ...found, 'exercise.yaml': yaml }, names: Object.keys(found) };
}

/** The files of a drop: a dropped folder is walked (one level of subfolders is enough for an exercise). */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e) => e !== null);
  if (entries.length === 0) return [...transfer.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry, depth: number): Promise<void> => {
    if (entry.isFile) {
      out.push(
        await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)),
      );
    } else if (entry.isDirectory && depth < 2) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const children = await new Promise<FileSystemEntry[]>((resolve, reject) =>
        reader.readEntries(resolve, reject),
      );
      for (const child of children) await walk(child, depth + 1);
    }
  };
  for (const entry of entries) await walk(entry, 0);
  return out;
}
