// The image-layers model's public API (README.md beside this file documents it). A widget imports from here.
export { BASE_IMAGES } from './base-images.ts';
export type {
  BuildOptions,
  BuildOutcome,
  BuildReport,
  BuildStep,
  ContextFile,
  LayerChange,
} from './build.ts';
export { build, layerChangesAgainst } from './build.ts';
export type { CommitReport, ContainerOutcome, WriteReport } from './container.ts';
export {
  commitContainer,
  containerChanges,
  createContainer,
  makeDirectory,
  mergedView,
  removeContainer,
  removePath,
  writeFile,
} from './container.ts';
export type { Digest } from './digest.ts';
export { shortDigest } from './digest.ts';
export { parseDockerfile } from './dockerfile-parser.ts';
export { formatBytes } from './format.ts';
export type { Changes, DiffEntry, Layer, LayerEntry } from './layer.ts';
export { makeLayer, OPAQUE_WHITEOUT, stackLayers, WHITEOUT_PREFIX } from './layer.ts';
export type { BlobTransfer, TransferReport } from './registry.ts';
export { pull, push } from './registry.ts';
export { KNOWN_COMMANDS } from './run-effects.ts';
export { layersStateProblems } from './state-check.ts';
export type { DiskUsage, ImageUsage, RemoveImageReport } from './store.ts';
export { diskUsage, findImage, imageLayers, imageTree, initialState, removeImage, tagsOf } from './store.ts';
export type { DirEntry, FileEntry, FsEntry, Tree } from './tree.ts';
export { formatMode } from './tree.ts';
export type * from './types.ts';
