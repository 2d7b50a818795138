// Scenario 7, rebuilding a host from configuration: ESXi's stateless design (vSphere Auto Deploy streams an
// image profile and applies a host profile at every boot) against a general-purpose Linux host (KVM or Docker)
// rebuilt from configuration management, a golden image or by hand. What survives, what is lost.
import { normalise } from '../params.ts';
import { sources } from '../sources.ts';
import type { ChartSpec, Figure, LaneId, ParamSpec, Params, Scenario, Step, Text } from '../types.ts';
import { assumed, byLane, cited, derived, figure, round, sortSteps, text } from './lane-steps.ts';

const chosen = assumed('説明のために選んだ値です。', 'A value chosen for the illustration.');

const params: readonly ParamSpec[] = [
  {
    id: 'manualChanges',
    type: 'number',
    unit: 'count',
    min: 0,
    max: 20,
    step: 1,
    default: 3,
    label: text('手で加えた変更の数', 'Changes made by hand'),
    help: text(
      'ホストを作ったあと、ホストプロファイルや構成管理を通さずに直接加えた設定変更です（3 つのレーンで同じ）。',
      'Settings changed directly on the host after it was built, outside the host profile or configuration management (the same in all lanes).',
    ),
    provenance: chosen,
  },
  {
    id: 'esxiDeploy',
    type: 'choice',
    lane: 'esxi',
    options: [
      {
        value: 'auto-deploy',
        label: text('vSphere Auto Deploy（ステートレス）', 'vSphere Auto Deploy (stateless)'),
      },
      {
        value: 'installed',
        label: text('ディスクにインストール＋ホストプロファイル', 'Installed to disk + host profile'),
      },
    ],
    default: 'auto-deploy',
    label: text('ESXi の展開方法', 'How ESXi is deployed'),
    help: text(
      'Auto Deploy では、ホストは起動のたびにネットワークからイメージを受け取ります。',
      'With Auto Deploy the host receives its image over the network at every boot.',
    ),
    provenance: cited(
      sources['vsphere-auto-deploy'],
      'Introduction to vSphere Auto Deploy: "No state is stored on the host itself"',
    ),
  },
  {
    id: 'linuxBuild',
    type: 'choice',
    options: [
      {
        value: 'config-management',
        label: text('構成管理（Ansible、Puppet など）', 'Configuration management (Ansible, Puppet…)'),
      },
      { value: 'golden-image', label: text('ゴールデンイメージ＋cloud-init', 'Golden image + cloud-init') },
      { value: 'by-hand', label: text('手作業', 'By hand') },
    ],
    default: 'config-management',
    label: text('Linux ホスト（KVM、Docker）の作り方', 'How the Linux hosts (KVM, Docker) are built'),
    help: text(
      'KVM と Docker のレーンで同じ方法を使います。',
      'The same method for the KVM and Docker lanes.',
    ),
    provenance: chosen,
  },
  {
    id: 'imagesGiB',
    type: 'number',
    unit: 'GiB',
    min: 0,
    max: 200,
    step: 1,
    default: 5,
    lane: 'docker',
    label: text('取り直すコンテナイメージ', 'Container images to pull again'),
    help: text(
      'ローカルのイメージキャッシュは再構築で消え、レジストリから取り直します。',
      'The local image cache goes with the rebuild; images are pulled from the registry again.',
    ),
    provenance: chosen,
  },
];

// Minutes; every one an assumption, listed under the widget.
const BUILD_MIN = {
  'auto-deploy': 10,
  installed: 30,
  'config-management': 30,
  'golden-image': 15,
  'by-hand': 240,
} as const;
type Build = keyof typeof BUILD_MIN;
const PULL_GBPS = 1;
/** Gbit in a GiB: 2^30 bytes × 8 bits / 10^9. */
const GBIT_PER_GIB = (2 ** 30 * 8) / 1e9;

const buildFigure = (lane: LaneId, how: Build) =>
  figure(
    `${lane}-rebuild`,
    text('ホストを作り直して仕事に戻すまで', 'Rebuild until the host takes work again'),
    BUILD_MIN[how] * 60,
    's',
    assumed(
      'サーバーの POST、OS の導入か起動、設定の適用を合わせた目安として選びました。環境によって大きく変わります。',
      'Chosen as a rough total of server POST, OS install or boot, and applying the configuration; it varies widely.',
    ),
  );

/** A change made by hand is in no profile, image or playbook: every lane loses it at the rebuild. */
const lost = (p: Params, _lane: LaneId): number => p.manualChanges as number;

function esxiSteps(p: Params): Step[] {
  const auto = p.esxiDeploy === 'auto-deploy';
  const how: Build = auto ? 'auto-deploy' : 'installed';
  const t = BUILD_MIN[how] * 60_000;
  const changes = p.manualChanges as number;
  return [
    {
      lane: 'esxi',
      at: 0,
      duration: t,
      kind: 'work',
      what: auto
        ? text(
            'ホストが PXE で起動し、Auto Deploy のルールに従ってイメージプロファイルを受け取り、ESXi をメモリ上で動かします。vCenter がホストプロファイルを適用します。',
            'The host PXE-boots; Auto Deploy’s rules pick its image profile, and ESXi runs from memory. vCenter applies the host profile.',
          )
        : text(
            'ESXi をインストールし直し、vCenter がホストプロファイルを適用します。',
            'ESXi is installed again and vCenter applies the host profile.',
          ),
      why: text(
        'ESXi の状態は、イメージ（イメージプロファイル）、構成（ホストプロファイル）、ホスト固有の入力（ホストのカスタマイズ）に分かれ、どれもホストの外に保存されています。生成された鍵などの動的な状態はメモリの中だけにあり、再起動で消えます。',
        'ESXi’s state is split into image (image profile), configuration (host profile) and host-specific input (host customization), all kept off the host; dynamic state such as generated keys lives only in memory and is lost at reboot.',
      ),
      costs: [
        buildFigure('esxi', how),
        figure(
          'esxi-article-memory',
          text('記事が挙げる ESXi のメモリ使用量', 'ESXi memory footprint given by the article'),
          32,
          'MiB',
          cited(sources.article, 'VMWareESXi の利点：優れたセキュリティ'),
        ),
        figure(
          'esxi-min-ram',
          text('ESXi 7.0 が必要とする物理メモリの最小値', 'Physical RAM ESXi 7.0 requires at least'),
          8,
          'GiB',
          cited(
            sources['esxi-hardware-requirements'],
            'Hardware and System Resources: "ESXi 7.0 requires a minimum of 8 GB of physical RAM"',
          ),
        ),
      ],
    },
    {
      lane: 'esxi',
      at: t,
      duration: 0,
      kind: changes > 0 ? 'loss' : 'ready',
      what:
        changes > 0
          ? text(
              `ホストは仕事に戻りますが、手で加えた ${changes} 件の変更は消えています。`,
              `The host takes work again, but the ${changes} changes made by hand are gone.`,
            )
          : text(
              'ホストは元どおりの構成で仕事に戻ります。',
              'The host takes work again with exactly its configuration.',
            ),
      why: auto
        ? text(
            'ステートレスなホストは、起動のたびにホストプロファイルから構成を受け取ります。プロファイルにない変更は、作り直すまでもなく次の再起動で消えます。だから変更はプロファイルに入れるしかありません。',
            'A stateless host receives its configuration from the host profile at every boot; a change not in the profile is gone at the next reboot, rebuild or not. Changes have to go into the profile.',
          )
        : text(
            'ディスクにインストールした ESXi は設定をブートディスクに保存するので、再起動では残ります。それでも作り直すと、ホストプロファイルにない変更は消えます。',
            'ESXi installed to disk saves its configuration on the boot disk, so it survives a reboot; a rebuild still loses what is not in the host profile.',
          ),
      costs: [
        figure(
          'esxi-lost',
          text('失われた手作業の変更', 'Manual changes lost'),
          lost(p, 'esxi'),
          'count',
          derived('パラメーター「手で加えた変更の数」です。', 'The "changes made by hand" parameter.'),
        ),
      ],
    },
  ];
}

function linuxSteps(lane: 'kvm' | 'docker', p: Params): Step[] {
  const how = p.linuxBuild as Build;
  const t = BUILD_MIN[how] * 60_000;
  const changes = p.manualChanges as number;
  const pullS = round(((p.imagesGiB as number) * GBIT_PER_GIB) / PULL_GBPS, 1);
  const byHand = how === 'by-hand';
  const steps: Step[] = [
    {
      lane,
      at: 0,
      duration: t,
      kind: 'work',
      what:
        how === 'config-management'
          ? text(
              'OS を自動インストールし、構成管理が設定を適用します。',
              'The OS is installed automatically and configuration management applies the settings.',
            )
          : how === 'golden-image'
            ? text(
                'ゴールデンイメージを書き込み、cloud-init がホスト固有の設定を入れます。',
                'A golden image is written and cloud-init adds the host-specific settings.',
              )
            : text(
                'OS をインストールし、覚えている手順と記録を頼りに設定し直します。',
                'The OS is installed and configured again from memory and notes.',
              ),
      why:
        lane === 'kvm'
          ? text(
              '汎用の Linux はディスクにある状態（パッケージ、/etc の設定、libvirt のネットワークやストレージプール、VM の定義）で動きます。作り直すには、その全部を外から持ってくる必要があります。',
              'A general-purpose Linux host runs from state on its disk (packages, /etc, libvirt networks and storage pools, VM definitions); a rebuild has to bring all of it from somewhere else.',
            )
          : text(
              '汎用の Linux はディスクにある状態（パッケージ、/etc、Docker デーモンの設定、ローカルのボリューム）で動きます。コンテナ自体は、イメージと定義（Compose ファイルやマニフェスト）から作り直せます。',
              'A general-purpose Linux host runs from state on its disk (packages, /etc, the Docker daemon’s configuration, local volumes); the containers themselves can be re-created from images and their definitions (Compose files, manifests).',
            ),
      costs: [buildFigure(lane, how)],
    },
  ];
  if (lane === 'docker')
    steps.push({
      lane,
      at: t,
      duration: pullS * 1000,
      kind: 'work',
      what: text(
        'コンテナイメージをレジストリから取り直し、コンテナを定義から作り直します。',
        'Images are pulled from the registry again and containers re-created from their definitions.',
      ),
      why: text(
        'イメージのレイヤーは内容のハッシュで識別されるので、どのホストでも同じものが手に入ります。ローカルのボリュームにあったデータは、別に保存していなければ戻りません。',
        'Image layers are addressed by their content hash, so every host gets exactly the same ones; data in local volumes does not come back unless it was stored elsewhere.',
      ),
      costs: [
        figure(
          'docker-pull',
          text('イメージの取り直し', 'Pulling the images again'),
          pullS,
          's',
          derived(
            `イメージの大きさ（GiB を Gbit に換算して × 8.59）÷ ${PULL_GBPS} Gbit/s（レジストリから取れる速さの仮定）です。展開にかかる時間は含めません。`,
            `Image size (GiB to Gbit: × 8.59) ÷ ${PULL_GBPS} Gbit/s (an assumed registry download rate); unpacking the layers is not counted.`,
          ),
        ),
      ],
    });
  const end = lane === 'docker' ? t + pullS * 1000 : t;
  steps.push({
    lane,
    at: end,
    duration: 0,
    kind: changes > 0 || byHand ? 'loss' : 'ready',
    what:
      changes > 0
        ? text(
            `ホストは仕事に戻りますが、手で加えた ${changes} 件の変更は消えています。`,
            `The host takes work again, but the ${changes} changes made by hand are gone.`,
          )
        : byHand
          ? text(
              'ホストは仕事に戻りますが、前と同じ構成かどうかはだれにもわかりません。',
              'The host takes work again, but nobody can tell whether it is configured as before.',
            )
          : text(
              'ホストは元どおりの構成で仕事に戻ります。',
              'The host takes work again with exactly its configuration.',
            ),
    why: byHand
      ? text(
          '手作業で作ったホストには、構成の正しい記録がありません。作り直すたびに少しずつ違うホストになります。',
          'A host built by hand has no authoritative record of its configuration; every rebuild yields a slightly different host.',
        )
      : text(
          '汎用の Linux ホストは、再起動では手作業の変更も残ります。その変更が消えるのは作り直したときで、そこで初めて構成管理やイメージに入っていなかったことがわかります。',
          'On a general-purpose Linux host a manual change survives reboots; it is lost only at the rebuild, which is when you discover it was never in configuration management or the image.',
        ),
    costs: [
      figure(
        `${lane}-lost`,
        text('失われた手作業の変更', 'Manual changes lost'),
        lost(p, lane),
        'count',
        derived('パラメーター「手で加えた変更の数」です。', 'The "changes made by hand" parameter.'),
      ),
    ],
  });
  return steps;
}

const laneName = { esxi: 'ESXi', kvm: 'KVM', docker: 'Docker' } as const;

function lastAt(steps: Step[]): number {
  return Math.max(...steps.map((s) => s.at + s.duration));
}

function outcomeFigures(lane: LaneId, steps: Step[], p: Params): Figure[] {
  return [
    figure(
      `${lane}-total`,
      text('仕事に戻るまで', 'Until the host takes work again'),
      round(lastAt(steps) / 1000, 1),
      's',
      derived('この手順の時間の合計です。', 'The sum of this lane’s steps.'),
    ),
    figure(
      `${lane}-lost`,
      text('失われた手作業の変更', 'Manual changes lost'),
      lost(p, lane),
      'count',
      derived('パラメーター「手で加えた変更の数」です。', 'The "changes made by hand" parameter.'),
    ),
  ];
}

function headline(lane: LaneId, p: Params): Text {
  const changes = p.manualChanges as number;
  const name = laneName[lane];
  if (lane === 'esxi' && p.esxiDeploy === 'auto-deploy')
    return text(
      `${name}：構成はホストの外にあり、起動のたびに適用されます。${changes > 0 ? `手作業の変更 ${changes} 件は消えます。` : ''}`,
      `${name}: the configuration lives off the host and is applied at every boot.${changes > 0 ? ` ${changes} manual changes are lost.` : ''}`,
    );
  if (lane !== 'esxi' && p.linuxBuild === 'by-hand')
    return text(
      `${name}：手作業で作り直すので、前と同じホストになる保証はありません。`,
      `${name}: rebuilt by hand, with no guarantee it matches the old host.`,
    );
  return text(
    `${name}：記録された構成から作り直せます。${changes > 0 ? `手作業の変更 ${changes} 件は消えます。` : ''}`,
    `${name}: rebuilt from recorded configuration.${changes > 0 ? ` ${changes} manual changes are lost.` : ''}`,
  );
}

function charts(perLane: Record<LaneId, Step[]>): ChartSpec[] {
  const lanes = ['esxi', 'kvm', 'docker'] as const;
  return [
    {
      id: 'rebuild-time',
      title: text('仕事に戻るまで（分）', 'Until the host takes work again (min)'),
      unit: 'min',
      categories: lanes.map((lane) => ({ id: lane, label: text(laneName[lane], laneName[lane]) })),
      series: [
        {
          id: 'total',
          label: text('時間', 'Time'),
          values: lanes.map((lane) => round(lastAt(perLane[lane]) / 60_000, 1)),
        },
      ],
    },
  ];
}

export const statelessRebuild: Scenario = {
  id: 'stateless-rebuild',
  title: text('構成からホストを作り直す', 'Rebuilding a host from configuration'),
  summary: text(
    'ホストのハードウェアを交換したので、ホストを作り直します。ESXi はステートレスに設計されています。汎用の Linux ホストと比べて、何が残り、何が消えるでしょうか。',
    'A host’s hardware was replaced and the host must be rebuilt. ESXi is designed to be stateless; compared with a general-purpose Linux host, what survives and what is lost?',
  ),
  params,
  assumptions: [
    text(
      `作り直しの時間はすべて仮定です：Auto Deploy ${BUILD_MIN['auto-deploy']} 分、ESXi の再インストール ${BUILD_MIN.installed} 分、構成管理 ${BUILD_MIN['config-management']} 分、ゴールデンイメージ ${BUILD_MIN['golden-image']} 分、手作業 ${BUILD_MIN['by-hand']} 分。`,
      `Every rebuild time is an assumption: Auto Deploy ${BUILD_MIN['auto-deploy']} min, ESXi reinstall ${BUILD_MIN.installed} min, configuration management ${BUILD_MIN['config-management']} min, golden image ${BUILD_MIN['golden-image']} min, by hand ${BUILD_MIN['by-hand']} min.`,
    ),
    text(
      'VM のディスクは共有ストレージにあり、VM 自体はその間ほかのホストで動いているものとします。',
      'VM disks are on shared storage and the VMs run on other hosts meanwhile.',
    ),
    text(
      '記事の「ESXi は 32 MB のメモリしか使わない」は古い数字です。ESXi 7.0 のインストールには 8 GB 以上の物理メモリが必要です。小さいのはハイパーバイザーのイメージと攻撃面で、必要なメモリではありません。',
      'The article’s “ESXi uses only 32 MB of memory” is an old figure: ESXi 7.0 needs at least 8 GB of physical RAM to install. What is small is the hypervisor image and its attack surface, not the memory it needs.',
    ),
  ],
  measurements: [],
  run(input: Params) {
    const p = normalise(params, input);
    const perLane = { esxi: esxiSteps(p), kvm: linuxSteps('kvm', p), docker: linuxSteps('docker', p) };
    return {
      scenario: 'stateless-rebuild',
      params: p,
      steps: sortSteps([...perLane.esxi, ...perLane.kvm, ...perLane.docker]),
      outcomes: byLane((lane) => ({
        lane,
        headline: headline(lane, p),
        figures: outcomeFigures(lane, perLane[lane], p),
      })),
      charts: charts(perLane),
      timed: true,
    };
  },
};
