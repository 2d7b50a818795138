// The "Dockerfile → layers" widget's words, in both languages. The component embeds the page's language as
// JSON. The model's own texts (errors, what a step or a file operation did) come with the model.
export interface ImageLayersStrings {
  title: string;
  loading: string;
  loadFailed: string;
  loadingModel: string;
  modelFailed: string;
  intro: string;
  source: string;
  dockerfile: string;
  dockerfileHelp: string;
  editInMonaco: string;
  loadingEditor: string;
  editorReady: string;
  editorFailed: string;
  context: string;
  contextFile: string;
  contextContent: string;
  tag: string;
  build: string;
  noCache: string;
  parseError: string;
  buildSteps: string;
  stepsCaption: string;
  notBuilt: string;
  head: { line: string; instruction: string; result: string; cache: string; layer: string; files: string };
  kind: { base: string; layer: string; empty: string; metadata: string };
  cache: { hit: string; miss: string; none: string };
  changedFiles: string;
  why: string;
  manifest: string;
  built: string;
  buildSummary: string;
  images: string;
  imagesCaption: string;
  imagesHelp: string;
  imageHead: {
    image: string;
    layers: string;
    size: string;
    shared: string;
    unique: string;
    containers: string;
  };
  untagged: string;
  removeImage: string;
  removedImage: string;
  disk: string;
  diskLayers: string;
  diskSum: string;
  diskCache: string;
  diskContainers: string;
  diskTotal: string;
  registry: string;
  registryHelp: string;
  pullRef: string;
  pull: string;
  pullCaption: string;
  transfer: { transferred: string; present: string };
  pulled: string;
  containers: string;
  containerImage: string;
  createContainer: string;
  created: string;
  container: string;
  noContainers: string;
  path: string;
  content: string;
  write: string;
  append: string;
  mkdir: string;
  remove: string;
  merged: string;
  mergedHelp: string;
  upper: string;
  upperHelp: string;
  upperEmpty: string;
  fromUpper: string;
  fromImage: string;
  whiteout: string;
  opaque: string;
  diff: string;
  commitTag: string;
  commit: string;
  committed: string;
  committedEmpty: string;
  removeContainer: string;
  removedContainer: string;
  reset: string;
  resetDone: string;
  results: string;
}

export const imageLayersStrings: Record<'ja' | 'en', ImageLayersStrings> = {
  ja: {
    title: 'Dockerfile → レイヤー',
    loading: 'ウィジェットを読み込んでいます…',
    loadFailed: 'ウィジェットを読み込めませんでした：{message}',
    loadingModel: 'シミュレーターを読み込んでいます…',
    modelFailed: 'シミュレーターを読み込めませんでした：{message}',
    intro:
      'Dockerfile を編集して「ビルド」を押すと、命令ごとにレイヤーができるか（設定だけか）と、ビルドキャッシュが使われたかが表示されます。1 行変えて再ビルドすると、どこから作り直されるかがわかります。',
    source: 'Dockerfile とビルドコンテキスト',
    dockerfile: 'Dockerfile',
    dockerfileHelp:
      '1 段だけのビルドに対応しています。RUN で実行できるのは apk、apt-get、echo、mkdir、rm など一部のコマンドだけです。',
    editInMonaco: 'エディターで編集',
    loadingEditor: 'エディターを読み込んでいます…',
    editorReady: 'エディターを読み込みました。',
    editorFailed: 'エディターを読み込めませんでした。テキストボックスで編集できます。',
    context: 'ビルドコンテキスト',
    contextFile: 'ファイル',
    contextContent: 'ファイルの内容',
    tag: 'タグ',
    build: 'ビルド',
    noCache: 'キャッシュなしでビルド',
    parseError: 'Dockerfile のエラー',
    buildSteps: 'ビルドのステップ',
    stepsCaption: '命令ごとの結果（レイヤー、キャッシュ）',
    notBuilt: 'まだビルドしていません。',
    head: {
      line: '行',
      instruction: '命令',
      result: '結果',
      cache: 'キャッシュ',
      layer: 'レイヤー',
      files: 'ファイル',
    },
    kind: {
      base: 'ベースイメージ',
      layer: 'レイヤー',
      empty: '変更なし（レイヤーなし）',
      metadata: '設定だけ',
    },
    cache: { hit: 'ヒット', miss: 'ミス（実行）', none: '—' },
    changedFiles: '{n} 個のパス',
    why: '説明',
    manifest:
      'タグはマニフェスト sha256:{digest} を指し、マニフェストが設定とレイヤーをダイジェストで指定します。',
    built: '{tag} をビルドしました：{layers} 個のレイヤー、キャッシュのヒット {hits}、ミス {misses}。',
    buildSummary: 'レイヤー {layers} 個、キャッシュのヒット {hits}、ミス {misses}',
    images: 'イメージとディスク使用量',
    imagesCaption: 'ローカルのイメージ（共有レイヤーは一度だけ保存されます）',
    imagesHelp:
      'タグを変えて別の Dockerfile をビルドするか、レジストリからプルすると、同じベースレイヤーを共有するイメージが並びます。「共有」はほかのイメージも使っているレイヤーのバイト数、「固有」はそのイメージだけが使うレイヤーのバイト数です。',
    imageHead: {
      image: 'イメージ',
      layers: 'レイヤー',
      size: 'サイズ',
      shared: '共有',
      unique: '固有',
      containers: 'コンテナ',
    },
    untagged: '（タグなし）',
    removeImage: '削除',
    removedImage: 'イメージ {image} を削除しました。消えたレイヤー：{n} 個。',
    disk: 'ディスク',
    diskLayers: 'レイヤーの実際の合計（共有レイヤーは 1 回）',
    diskSum: 'イメージのサイズを足した値',
    diskCache: 'ビルドキャッシュだけが使うレイヤー',
    diskContainers: 'コンテナの書き込み可能レイヤー',
    diskTotal: 'ディスク上の合計',
    registry: 'レジストリからのプル',
    registryHelp: 'レジストリはレイヤーをダイジェストで管理しています。手元にあるレイヤーは転送されません。',
    pullRef: 'イメージ',
    pull: 'プル',
    pullCaption: '{ref} のレイヤー',
    transfer: { transferred: '転送', present: 'ローカルにあり' },
    pulled: '{ref} をプルしました：転送 {transferred}、スキップ {skipped}。',
    containers: 'コンテナ',
    containerImage: 'コンテナのイメージ',
    createContainer: 'コンテナを作成',
    created: 'コンテナ {id} を作成しました（書き込み可能レイヤーは空です）。',
    container: 'コンテナ',
    noContainers: 'コンテナはまだありません。',
    path: 'パス',
    content: '内容',
    write: '書き込み',
    append: '追記',
    mkdir: 'ディレクトリを作成',
    remove: '削除',
    merged: 'コンテナから見えるファイル（マージされたビュー）',
    mergedHelp: '★ は書き込み可能レイヤーにあるもの、ほかはイメージのレイヤーから見えているものです。',
    upper: '書き込み可能レイヤー',
    upperHelp:
      'ファイルを変えると、まずファイル全体がここにコピーされます（コピーアップ）。削除は .wh. で始まるホワイトアウトとして記録されます。',
    upperEmpty: '空です。',
    fromUpper: '★',
    fromImage: '',
    whiteout: 'ホワイトアウト',
    opaque: '不透明ディレクトリ',
    diff: '変更（docker diff）',
    commitTag: 'コミット先のタグ',
    commit: 'コミット',
    committed: 'コンテナ {id} を {tag} としてコミットしました：新しいレイヤー {digest}（{size}）。',
    committedEmpty:
      'コンテナ {id} を {tag} としてコミットしました：変更がないので新しいレイヤーはありません。',
    removeContainer: 'コンテナを削除',
    removedContainer:
      'コンテナ {id} を削除しました：書き込み可能レイヤー（{size}）も消えました。イメージはそのままです。',
    reset: '最初に戻す',
    resetDone: 'ホストを最初の状態に戻しました。',
    results: '結果',
  },
  en: {
    title: 'Dockerfile → layers',
    loading: 'Loading the widget…',
    loadFailed: 'The widget could not load: {message}',
    loadingModel: 'Loading the simulator…',
    modelFailed: 'The simulator could not load: {message}',
    intro:
      'Edit the Dockerfile and press Build: each instruction shows whether it made a layer or only changed the configuration, and whether the build cache was used. Change one line and build again to see where the rebuild starts.',
    source: 'Dockerfile and build context',
    dockerfile: 'Dockerfile',
    dockerfileHelp:
      'One build stage. RUN knows a few commands only: apk, apt-get, echo, mkdir, rm and the like.',
    editInMonaco: 'Edit in the code editor',
    loadingEditor: 'Loading the editor…',
    editorReady: 'The editor is ready.',
    editorFailed: 'The editor could not load; the text box works.',
    context: 'Build context',
    contextFile: 'File',
    contextContent: 'File content',
    tag: 'Tag',
    build: 'Build',
    noCache: 'Build without cache',
    parseError: 'Dockerfile errors',
    buildSteps: 'Build steps',
    stepsCaption: 'What each instruction made (layer, cache)',
    notBuilt: 'Not built yet.',
    head: {
      line: 'Line',
      instruction: 'Instruction',
      result: 'Result',
      cache: 'Cache',
      layer: 'Layer',
      files: 'Files',
    },
    kind: { base: 'base image', layer: 'layer', empty: 'no change (no layer)', metadata: 'config only' },
    cache: { hit: 'hit', miss: 'miss (run)', none: '—' },
    changedFiles: '{n} path(s)',
    why: 'Why',
    manifest: 'The tag points at manifest sha256:{digest}, which names the config and the layers by digest.',
    built: 'Built {tag}: {layers} layer(s), cache hits {hits}, misses {misses}.',
    buildSummary: '{layers} layer(s), cache hits {hits}, misses {misses}',
    images: 'Images and disk use',
    imagesCaption: 'Local images (a shared layer is stored once)',
    imagesHelp:
      'Build another Dockerfile under a new tag, or pull an image, to see images that share base layers. Shared: bytes in layers another image uses too; unique: bytes in layers only this image uses.',
    imageHead: {
      image: 'Image',
      layers: 'Layers',
      size: 'Size',
      shared: 'Shared',
      unique: 'Unique',
      containers: 'Containers',
    },
    untagged: '(untagged)',
    removeImage: 'Remove',
    removedImage: 'Removed image {image}; {n} layer(s) deleted.',
    disk: 'Disk',
    diskLayers: 'Layers really stored (each shared layer once)',
    diskSum: 'Sum of the image sizes',
    diskCache: 'Layers only the build cache uses',
    diskContainers: 'Containers’ writable layers',
    diskTotal: 'Total on disk',
    registry: 'Pull from the registry',
    registryHelp: 'A registry keeps layers by digest; a layer already on the host is not transferred.',
    pullRef: 'Image',
    pull: 'Pull',
    pullCaption: 'Layers of {ref}',
    transfer: { transferred: 'transferred', present: 'already present' },
    pulled: 'Pulled {ref}: {transferred} transferred, {skipped} skipped.',
    containers: 'Containers',
    containerImage: 'Image for a container',
    createContainer: 'Create container',
    created: 'Created container {id} (its writable layer is empty).',
    container: 'Container',
    noContainers: 'No container yet.',
    path: 'Path',
    content: 'Content',
    write: 'Write',
    append: 'Append',
    mkdir: 'Make directory',
    remove: 'Delete',
    merged: 'Files the container sees (merged view)',
    mergedHelp: '★ marks entries in the writable layer; the rest show through from the image’s layers.',
    upper: 'Writable layer',
    upperHelp:
      'Changing a file first copies the whole file here (copy-up); a deletion is recorded as a whiteout whose name starts with .wh.',
    upperEmpty: 'Empty.',
    fromUpper: '★',
    fromImage: '',
    whiteout: 'whiteout',
    opaque: 'opaque directory',
    diff: 'Changes (docker diff)',
    commitTag: 'Tag for the commit',
    commit: 'Commit',
    committed: 'Committed container {id} as {tag}: new layer {digest} ({size}).',
    committedEmpty: 'Committed container {id} as {tag}: nothing changed, so no new layer.',
    removeContainer: 'Remove container',
    removedContainer: 'Removed container {id}; its writable layer ({size}) is gone. The image is unchanged.',
    reset: 'Reset',
    resetDone: 'The host is back to its first state.',
    results: 'Results',
  },
};

/** `{name}` placeholders filled in. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
