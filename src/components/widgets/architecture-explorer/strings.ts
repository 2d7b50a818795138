// The architecture explorer's words, in both languages. The component embeds the page's language as JSON.
export interface ArchitectureStrings {
  title: string;
  loading: string;
  loadFailed: string;
  instances: string;
  stacks: { vm: string; container: string };
  scope: { 'per-instance': string; shared: string };
  copies: string;
  pick: string;
  memory: string;
  disk: string;
  perCopy: string;
  totalsCaption: string;
  totalsStack: string;
  ratio: string;
  article: string;
  measured: string;
  assumption: string;
  sourcesNote: string;
  /** The source article's address, added by the component from src/site/source-article.ts. */
  articleUrl: string;
}

export const architectureStrings: Record<'ja' | 'en', Omit<ArchitectureStrings, 'articleUrl'>> = {
  ja: {
    title: 'アーキテクチャ探索：VM とコンテナ',
    loading: 'アーキテクチャ探索を読み込んでいます…',
    loadFailed: 'アーキテクチャ探索を読み込めませんでした（{message}）。',
    instances: 'VM／環境の数',
    stacks: { vm: '仮想マシン', container: 'コンテナ（OS 仮想化）' },
    scope: { 'per-instance': '1 つずつ複製', shared: '全体で共有' },
    copies: '×{n}',
    pick: 'レイヤーを選ぶと、それが複製されるのか共有されるのか、メモリとディスクをどれだけ使うのかと、その数字の根拠が表示されます。',
    memory: 'メモリ',
    disk: 'ディスク',
    perCopy: '1 つあたり {mib}（{copies} 個で {total}）',
    totalsCaption:
      '{n} 個のときに、それぞれの構成が足すメモリとディスク（ホスト 1 台分は両方にあるので数えません）',
    totalsStack: '構成',
    ratio: 'コンテナは VM のメモリの {memory}、ディスクの {disk} です。',
    article: '元になった記事',
    measured: '測定値',
    assumption: '仮定',
    sourcesNote:
      'ゲスト OS の 512 MB と 4 GB は元になった記事の例です。環境ごとのメモリは、このサイトのゲストで 8 つの環境を測った値（章「仮想化技術の分類」）です。それ以外は仮定で、アプリケーションは両方の構成で同じ値にしてあります。',
  },
  en: {
    title: 'Architecture explorer: VMs and containers',
    loading: 'Loading the architecture explorer…',
    loadFailed: 'The architecture explorer could not be loaded ({message}).',
    instances: 'VMs / environments',
    stacks: { vm: 'virtual machines', container: 'containers (OS virtualization)' },
    scope: { 'per-instance': 'one copy each', shared: 'shared by all' },
    copies: '×{n}',
    pick: 'Pick a layer to see whether it is copied or shared, how much memory and disk it uses, and where each number comes from.',
    memory: 'memory',
    disk: 'disk',
    perCopy: '{mib} per copy ({total} for {copies})',
    totalsCaption: 'What each stack adds for {n} instances (both have one host, which is not counted)',
    totalsStack: 'stack',
    ratio: 'Containers use {memory} of the VMs’ memory and {disk} of their disk.',
    article: 'source article',
    measured: 'measured',
    assumption: 'assumption',
    sourcesNote:
      'The guest OS’s 512 MB and 4 GB are the source article’s example. Each environment’s memory was measured on this site’s guest with eight environments (chapter "The kinds of virtualization"). Everything else is an assumption; the application is the same in both stacks.',
  },
};
