// The capacity planner's words, in both languages. The component embeds the page's language as JSON.
import type { CapacityParamId } from '../../../sim/capacity/params.ts';

export interface CapacityStrings {
  title: string;
  loading: string;
  loadFailed: string;
  unitOfSale: string;
  groups: { load: string; fleet: string; prices: string };
  params: Record<CapacityParamId, { label: string; unit: string }>;
  interval: { hour: string; day: string };
  assumption: string;
  article: string;
  summaryCaption: string;
  metric: string;
  peakPlan: string;
  elasticPlan: string;
  rows: {
    servers: string;
    capacity: string;
    utilization: string;
    idleUnitHours: string;
    idleServerHours: string;
    cost: string;
  };
  peakServersValue: string;
  elasticServersValue: string;
  loadLine: string;
  saving: string;
  charts: {
    yearTitle: string;
    yearCaption: string;
    fortnightTitle: string;
    fortnightCaption: string;
    costTitle: string;
    costCaption: string;
    load: string;
    elastic: string;
    fleet: string;
    elasticCost: string;
    fleetCost: string;
    month: string;
    day: string;
    owned: string;
    yourChoice: string;
  };
  chart: {
    showTable: string;
    hideTable: string;
    chartLoading: string;
    notApplicable: string;
    step: string;
    start: string;
    duration: string;
    lanes: string;
  };
  months: string[];
  dateFormat: string;
  unitHours: string;
  serverHours: string;
  sources: string;
}

export const capacityStrings: Record<'ja' | 'en', CapacityStrings> = {
  ja: {
    title: 'キャパシティプランナー：ピークに合わせるか、伸縮させるか',
    loading: 'キャパシティプランナーを読み込んでいます…',
    loadFailed: 'キャパシティプランナーを読み込めませんでした（{message}）。',
    unitOfSale:
      '負荷と容量は、クラウドが売る単位「1 ユニット＝1 vCPU、メモリ 1 GB、ディスク 50 GB」で数えます（記事が挙げる Tencent Cloud の 1C/1G/50GB の例）。伸縮する側は、このユニットを時間単位で借ります。',
    groups: { load: '1 年間の負荷（2025 年、1 時間ごと）', fleet: 'サーバーと伸縮のしかた', prices: '価格' },
    params: {
      baseLoad: { label: '平常日の平均負荷', unit: 'ユニット' },
      springPeak: { label: '春節前のピーク', unit: '倍（平常日比）' },
      springWidthDays: { label: '春節のピークの長さ', unit: '日' },
      holidays: { label: 'ピークのあるほかの祝日', unit: '個' },
      holidayPeak: { label: 'ほかの祝日のピーク', unit: '倍（平常日比）' },
      holidayWidthDays: { label: 'ほかの祝日のピークの長さ', unit: '日' },
      unitsPerServer: { label: '物理サーバー 1 台に載るユニット', unit: 'ユニット' },
      granularity: { label: '伸縮の単位', unit: 'ユニット' },
      interval: { label: '台数を変える間隔', unit: '' },
      ownedServers: { label: '伸縮する側が所有するサーバー', unit: '台' },
      ownedServerHourPrice: { label: '所有するサーバーの費用', unit: 'ドル／台・時' },
      onDemandUnitHourPrice: { label: 'オンデマンドの価格', unit: 'ドル／ユニット・時' },
    },
    interval: { hour: '1 時間ごと', day: '1 日ごと（その日のピークに合わせる）' },
    assumption: '仮定',
    article: '記事',
    summaryCaption: '1 年間の比較',
    metric: '項目',
    peakPlan: 'ピークに合わせた固定台数',
    elasticPlan: '伸縮させる',
    rows: {
      servers: 'サーバー',
      capacity: '用意した容量',
      utilization: '使用率',
      idleUnitHours: '遊んでいた容量',
      idleServerHours: '遊んでいたサーバー時間',
      cost: '1 年間の費用',
    },
    peakServersValue: '{n} 台（通年）',
    elasticServersValue: '所有 {owned} 台＋オンデマンド最大 {units} ユニット',
    loadLine:
      'ピーク時の負荷は {peak} ユニット、年間の平均は {mean} ユニットです（ピークは平均の {ratio} 倍）。',
    saving: '伸縮させると、遊んでいたサーバー時間は {idle} %、費用は {cost} % になります。',
    charts: {
      yearTitle: '1 年間の負荷と容量（1 日ごとの最大、ユニット）',
      yearCaption: '月ごとの最大（ユニット）',
      fortnightTitle: '最も混む 14 日間（1 時間ごと、ユニット）',
      fortnightCaption: '日ごとの最大（ユニット）',
      costTitle: '所有するサーバーの台数と 1 年間の費用（ドル）',
      costCaption: '所有する台数ごとの 1 年間の費用（ドル）',
      load: '負荷',
      elastic: '伸縮させた容量',
      fleet: 'ピークに合わせた容量',
      elasticCost: '伸縮させる（所有＋オンデマンド）',
      fleetCost: 'ピークに合わせた固定台数',
      month: '月',
      day: '日付',
      owned: '所有する台数',
      yourChoice: 'いまの設定',
    },
    chart: {
      showTable: '表で見る',
      hideTable: '表を隠す',
      chartLoading: 'グラフを読み込んでいます…',
      notApplicable: '—',
      step: '',
      start: '',
      duration: '',
      lanes: '',
    },
    months: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    dateFormat: '{m}/{d}',
    unitHours: '{n} ユニット時',
    serverHours: '{n} 台時',
    sources: '出典と仮定',
  },
  en: {
    title: 'Capacity planner: size for the peak, or follow the load?',
    loading: 'Loading the capacity planner…',
    loadFailed: 'The capacity planner could not be loaded ({message}).',
    unitOfSale:
      'Load and capacity are counted in the unit a cloud sells: 1 unit = 1 vCPU, 1 GB of memory and 50 GB of disk (the article’s example, Tencent Cloud’s 1C/1G/50GB). The elastic plan rents these units by the hour.',
    groups: {
      load: 'A year of load (2025, hour by hour)',
      fleet: 'Servers and how the fleet follows the load',
      prices: 'Prices',
    },
    params: {
      baseLoad: { label: 'Ordinary day’s average load', unit: 'units' },
      springPeak: { label: 'Spring Festival peak', unit: '× an ordinary day' },
      springWidthDays: { label: 'Length of the Spring Festival peak', unit: 'days' },
      holidays: { label: 'Other holidays with a peak', unit: '' },
      holidayPeak: { label: 'Other holidays’ peak', unit: '× an ordinary day' },
      holidayWidthDays: { label: 'Length of the other peaks', unit: 'days' },
      unitsPerServer: { label: 'Units one physical server hosts', unit: 'units' },
      granularity: { label: 'Elastic step', unit: 'units' },
      interval: { label: 'Resize', unit: '' },
      ownedServers: { label: 'Servers the elastic plan owns', unit: 'servers' },
      ownedServerHourPrice: { label: 'Owned server cost', unit: '$ per server-hour' },
      onDemandUnitHourPrice: { label: 'On-demand price', unit: '$ per unit-hour' },
    },
    interval: { hour: 'every hour', day: 'once a day (for the day’s peak)' },
    assumption: 'assumption',
    article: 'article',
    summaryCaption: 'The year compared',
    metric: 'Measure',
    peakPlan: 'Sized for the peak',
    elasticPlan: 'Elastic',
    rows: {
      servers: 'Servers',
      capacity: 'Capacity provided',
      utilization: 'Utilization',
      idleUnitHours: 'Idle capacity',
      idleServerHours: 'Idle server-hours',
      cost: 'Cost for the year',
    },
    peakServersValue: '{n} servers, all year',
    elasticServersValue: '{owned} owned + up to {units} units on demand',
    loadLine:
      'The load peaks at {peak} units and averages {mean} over the year (the peak is {ratio} times the mean).',
    saving: 'Following the load leaves {idle} % of the idle server-hours and costs {cost} % as much.',
    charts: {
      yearTitle: 'Load and capacity over the year (each day’s highest, units)',
      yearCaption: 'Highest in each month (units)',
      fortnightTitle: 'The busiest 14 days, hour by hour (units)',
      fortnightCaption: 'Highest on each day (units)',
      costTitle: 'Owned servers and the year’s cost (USD)',
      costCaption: 'The year’s cost for each number of owned servers (USD)',
      load: 'Load',
      elastic: 'Elastic capacity',
      fleet: 'Capacity sized for the peak',
      elasticCost: 'Elastic (owned + on demand)',
      fleetCost: 'Sized for the peak',
      month: 'Month',
      day: 'Date',
      owned: 'Owned servers',
      yourChoice: 'your setting',
    },
    chart: {
      showTable: 'Show as a table',
      hideTable: 'Hide the table',
      chartLoading: 'Loading the chart…',
      notApplicable: '—',
      step: '',
      start: '',
      duration: '',
      lanes: '',
    },
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    dateFormat: '{d} {mon}',
    unitHours: '{n} unit-hours',
    serverHours: '{n} server-hours',
    sources: 'Sources and assumptions',
  },
};
