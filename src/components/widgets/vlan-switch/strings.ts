// The VLAN switch widget's words, in both languages. The component embeds the page's language as JSON.
import type { Role } from '../../../sim/vlan-switch/model.ts';

export interface VlanStrings {
  title: string;
  loading: string;
  loadFailed: string;
  switchName: { sw1: string; sw2: string };
  role: Record<Role, string>;
  drawingTitle: string;
  drawingDesc: string;
  portsHeading: string;
  host: string;
  portValue: string;
  vlan: string;
  vlanLabel: string;
  invalidVid: string;
  uplinkHeading: string;
  uplinkMode: { trunk: string; access: string; none: string };
  uplinkHelp: { trunk: string; access: string; none: string };
  allowed: string;
  accessVlan: string;
  linkLabel: { trunk: string; access: string; none: string };
  matrixHeading: string;
  matrixCaption: string;
  reaches: string;
  blocked: string;
  self: string;
  pingHeading: string;
  from: string;
  to: string;
  ping: string;
  delivered: string;
  dropped: string;
  hop: {
    send: string;
    ingressUntagged: string;
    ingressTagged: string;
    ingressAccessLink: string;
    egressTagged: string;
    egressAccessLink: string;
    egressUntagged: string;
    deliver: string;
  };
  drop: { otherVlan: string; trunk: string; access: string; none: string };
  assumptions: string;
  sources: string;
  none: string;
}

export const vlanStrings: Record<'ja' | 'en', VlanStrings> = {
  ja: {
    title: 'VLAN スイッチ',
    loading: 'VLAN スイッチを読み込んでいます…',
    loadFailed: 'VLAN スイッチを読み込めませんでした（{message}）。',
    switchName: { sw1: 'スイッチ 1', sw2: 'スイッチ 2' },
    role: { web: 'Web サーバー', mail: 'メールサーバー', db: 'データベース', acct: '経理の PC' },
    drawingTitle: '2 台のスイッチとホスト、ポートの VLAN',
    drawingDesc: '{hosts}。スイッチ間のリンク：{link}。',
    portsHeading: 'ポートの VLAN',
    host: 'ホスト（ポート）',
    portValue: '{switch} の {port} 番',
    vlan: 'VLAN',
    vlanLabel: '{host} のポートの VLAN ID',
    invalidVid: 'VLAN ID は 1〜4094 です（0 と 4095 は IEEE 802.1Q の予約値）。',
    uplinkHeading: 'スイッチ間のリンク（スイッチ 1 の 8 番 ↔ スイッチ 2 の 1 番）',
    uplinkMode: {
      trunk: 'トランク（タグ付き）',
      access: 'アクセス（タグなし、1 つの VLAN）',
      none: 'つながない',
    },
    uplinkHelp: {
      trunk: '選んだ VLAN のフレームに 802.1Q タグ（VLAN ID）を付けて運びます。',
      access: '1 つの VLAN のフレームだけを、タグなしで運びます。',
      none: 'ケーブルを抜いた状態です。',
    },
    allowed: 'トランクで運ぶ VLAN',
    accessVlan: 'アクセスリンクの VLAN ID',
    linkLabel: { trunk: 'トランク：VLAN {vlans}', access: 'アクセス：VLAN {vlan}', none: '未接続' },
    matrixHeading: 'だれがだれに届くか（レイヤー 2）',
    matrixCaption: '行のホストから列のホストへ、ルーターなしで届くか',
    reaches: '届く',
    blocked: '届かない',
    self: '自分',
    pingHeading: 'ping を送る',
    from: '送信元',
    to: '宛先',
    ping: 'ping を送信',
    delivered: '{from} から {to} に届きました（応答も同じ道を戻ります）。',
    dropped: '{from} から {to} には届きません。',
    hop: {
      send: '{host} がタグなしのフレームを送ります。',
      ingressUntagged: '{switch} の {port} 番に入り、ポートの VLAN {vlan} に属します。',
      ingressTagged:
        '{switch} の {port} 番にタグ付き（VID {vlan}）で入ります。リンクが VLAN {vlan} を運ぶので受け付けます。',
      ingressAccessLink: '{switch} の {port} 番にタグなしで入り、VLAN {vlan} に属します。',
      egressTagged: '{switch} の {port} 番から、VID {vlan} の 802.1Q タグを付けて出ます。',
      egressAccessLink: '{switch} の {port} 番からタグなしで出ます（VLAN {vlan} のアクセスリンク）。',
      egressUntagged: '{switch} の {port} 番から、タグなしで出ます。',
      deliver: '{host} に届きます。',
    },
    drop: {
      otherVlan:
        '{switch} は VLAN {vlan} のフレームを VLAN {vlan} のポートにしか転送しません。{host} のポートは VLAN {dest} なので、フレームは捨てられます。別の VLAN に届けるにはルーターが必要です。',
      trunk:
        'スイッチ間のトランクは VLAN {vlan} を運ばないので（運ぶのは {allowed}）、フレームは捨てられます。',
      access:
        'スイッチ間のリンクは VLAN {other} のアクセスリンクなので、VLAN {vlan} のフレームは通りません。',
      none: 'スイッチ間のリンクがつながっていないので、もう一方のスイッチには届きません。',
    },
    assumptions:
      '簡単のため、リンクの両端は同じ設定とし、スイッチは宛先の MAC アドレスをすでに学習しているものとします。ルーターはありません。トランクは、運ぶすべての VLAN のフレームにタグを付けます（実際のスイッチでは、1 つの VLAN（ネイティブ VLAN）だけをタグなしで運ぶ設定もよく使われます）。',
    sources: '出典',
    none: 'なし',
  },
  en: {
    title: 'VLAN switch',
    loading: 'Loading the VLAN switch…',
    loadFailed: 'The VLAN switch could not be loaded ({message}).',
    switchName: { sw1: 'Switch 1', sw2: 'Switch 2' },
    role: { web: 'web server', mail: 'mail server', db: 'database', acct: 'accounting PC' },
    drawingTitle: 'Two switches, their hosts and each port’s VLAN',
    drawingDesc: '{hosts}. Link between the switches: {link}.',
    portsHeading: 'VLAN of each port',
    host: 'Host (port)',
    portValue: '{switch}, port {port}',
    vlan: 'VLAN',
    vlanLabel: 'VLAN ID of {host}’s port',
    invalidVid: 'A VLAN ID is 1–4094 (IEEE 802.1Q reserves 0 and 4095).',
    uplinkHeading: 'Link between the switches (switch 1 port 8 ↔ switch 2 port 1)',
    uplinkMode: { trunk: 'Trunk (tagged)', access: 'Access (untagged, one VLAN)', none: 'Unplugged' },
    uplinkHelp: {
      trunk: 'Carries the chosen VLANs’ frames, each with an 802.1Q tag naming its VLAN.',
      access: 'Carries one VLAN’s frames, untagged.',
      none: 'The cable is out.',
    },
    allowed: 'VLANs the trunk carries',
    accessVlan: 'VLAN ID of the access link',
    linkLabel: { trunk: 'trunk: VLAN {vlans}', access: 'access: VLAN {vlan}', none: 'unplugged' },
    matrixHeading: 'Who reaches whom (layer 2)',
    matrixCaption: 'Whether the row’s host reaches the column’s host without a router',
    reaches: 'reaches',
    blocked: 'does not reach',
    self: 'itself',
    pingHeading: 'Send a ping',
    from: 'From',
    to: 'To',
    ping: 'Ping',
    delivered: 'The frame from {from} reaches {to} (the reply comes back the same way).',
    dropped: 'The frame from {from} does not reach {to}.',
    hop: {
      send: '{host} sends an untagged frame.',
      ingressUntagged: 'It enters {switch} port {port} and belongs to the port’s VLAN, {vlan}.',
      ingressTagged:
        'It enters {switch} port {port} tagged with VID {vlan}; the link carries VLAN {vlan}, so it is accepted.',
      ingressAccessLink: 'It enters {switch} port {port} untagged and belongs to VLAN {vlan}.',
      egressTagged: 'It leaves {switch} port {port} with an 802.1Q tag, VID {vlan}.',
      egressAccessLink: 'It leaves {switch} port {port} untagged (the access link of VLAN {vlan}).',
      egressUntagged: 'It leaves {switch} port {port} untagged.',
      deliver: 'It reaches {host}.',
    },
    drop: {
      otherVlan:
        '{switch} forwards a VLAN {vlan} frame only to VLAN {vlan} ports. {host}’s port is in VLAN {dest}, so the frame is dropped. Reaching another VLAN takes a router.',
      trunk:
        'The trunk between the switches does not carry VLAN {vlan} (it carries {allowed}), so the frame is dropped.',
      access:
        'The link between the switches is an access link of VLAN {other}, so VLAN {vlan} frames do not cross it.',
      none: 'The switches are not connected, so the frame cannot reach the other switch.',
    },
    assumptions:
      'To keep it simple, both ends of the link are configured alike, the switches have already learnt where each address is, and there is no router. The trunk tags the frames of every VLAN it carries (real switches are often set to carry one VLAN, the native VLAN, untagged as well).',
    sources: 'Sources',
    none: 'none',
  },
};
