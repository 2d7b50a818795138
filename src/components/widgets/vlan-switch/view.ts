// The VLAN switch's view: a drawing of the two switches and their hosts (each port with its VLAN), the port
// settings, the link between the switches, who reaches whom, and a ping that shows the frame's way or where
// and why it is dropped. It renders from the state alone; changes go back to the element (host.change).
import {
  type Hop,
  hosts,
  isVid,
  linkCarries,
  MAX_VID,
  MIN_VID,
  normaliseVlanState,
  type PingResult,
  ping,
  reachable,
  switches,
  type Uplink,
  type VlanState,
  vidList,
  vlanOf,
  vlansInUse,
} from '../../../sim/vlan-switch/model.ts';
import { vlanSources } from '../../../sim/vlan-switch/sources.ts';
import { h, svg, uid } from '../dom.ts';
import type { WidgetHost, WidgetView } from '../stateful-element.ts';
import type { VlanStrings } from './strings.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? `{${key}}`));

/** Colour classes for VLANs, by their order among the VLANs in use (the number is always written too). */
const PALETTE = 6;

const PORT_W = 56;
const SW_Y = 112;
const SW_H = 44;
const SW2_X = 516;

function portX(switchId: 'sw1' | 'sw2', port: number): number {
  return (switchId === 'sw1' ? 14 : SW2_X) + 10 + (port - 1) * PORT_W;
}

function linkText(uplink: Uplink, strings: VlanStrings, sep: string): string {
  if (uplink.mode === 'trunk')
    return fill(strings.linkLabel.trunk, { vlans: uplink.allowed.join(sep) || strings.none });
  if (uplink.mode === 'access') return fill(strings.linkLabel.access, { vlan: uplink.vlan });
  return strings.linkLabel.none;
}

function drawing(
  state: VlanState,
  strings: VlanStrings,
  lang: 'ja' | 'en',
  path?: PingResult,
): SVGSVGElement {
  const sep = lang === 'ja' ? '、' : ', ';
  const inUse = vlansInUse(state);
  const colour = (vid: number) => `vs-v${inUse.indexOf(vid) % PALETTE}`;
  const onPath = new Set<string>();
  if (path)
    for (const hop of path.hops) {
      if (hop.kind === 'send' || hop.kind === 'deliver') onPath.add(hop.host);
      else onPath.add(`${hop.switchId}:${hop.port}`);
    }
  const titleId = uid('vs-title');
  const descId = uid('vs-desc');
  const root = svg(
    'svg',
    {
      class: 'vs-drawing-svg',
      viewBox: '0 0 780 232',
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
    },
    svg('title', { id: titleId }, strings.drawingTitle),
    svg(
      'desc',
      { id: descId },
      fill(strings.drawingDesc, {
        hosts: hosts
          .map(
            (host) =>
              `${host.id} (${strings.switchName[host.switchId]} ${host.port}, VLAN ${vlanOf(state, host.id)})`,
          )
          .join(sep),
        link: linkText(state.uplink, strings, sep),
      }),
    ),
  );
  for (const sw of switches) {
    const x = sw.id === 'sw1' ? 14 : SW2_X;
    root.append(
      svg('rect', { class: 'vs-switch', x, y: SW_Y, width: sw.ports * PORT_W + 20, height: SW_H, rx: 6 }),
      // Each name at the end away from the link (switch 1's link leaves from its right end, switch 2's from its left).
      svg(
        'text',
        sw.id === 'sw1'
          ? { class: 'vs-switch-name', x: x + 8, y: SW_Y + SW_H + 16 }
          : {
              class: 'vs-switch-name',
              x: x + sw.ports * PORT_W + 12,
              y: SW_Y + SW_H + 16,
              'text-anchor': 'end',
            },
        strings.switchName[sw.id],
      ),
    );
    for (let port = 1; port <= sw.ports; port++) {
      const px = portX(sw.id, port);
      const host = hosts.find((candidate) => candidate.switchId === sw.id && candidate.port === port);
      const uplink = port === sw.uplinkPort;
      const vid = host ? vlanOf(state, host.id) : undefined;
      const classes = ['vs-port', vid !== undefined ? colour(vid) : uplink ? 'vs-uplink' : 'vs-empty'];
      if (onPath.has(`${sw.id}:${port}`)) classes.push('vs-on-path');
      root.append(
        svg(
          'g',
          { class: classes.join(' ') },
          svg('rect', { x: px, y: SW_Y + 8, width: PORT_W - 8, height: SW_H - 16, rx: 3 }),
          svg(
            'text',
            { x: px + (PORT_W - 8) / 2, y: SW_Y + 26, 'text-anchor': 'middle' },
            vid !== undefined ? String(vid) : uplink ? '⇄' : '·',
          ),
          svg(
            'text',
            { class: 'vs-port-no', x: px + (PORT_W - 8) / 2, y: SW_Y - 4, 'text-anchor': 'middle' },
            String(port),
          ),
        ),
      );
      if (host) {
        const on = onPath.has(host.id);
        root.append(
          svg('line', {
            class: `vs-cable${on ? ' vs-on-path' : ''}`,
            x1: px + (PORT_W - 8) / 2,
            x2: px + (PORT_W - 8) / 2,
            y1: 74,
            y2: SW_Y - 16,
          }),
          svg(
            'g',
            { class: `vs-host ${colour(vid ?? 1)}${on ? ' vs-on-path' : ''}` },
            svg('rect', { x: px - 2, y: 22, width: PORT_W - 4, height: 52, rx: 4 }),
            svg('text', { x: px + PORT_W / 2 - 4, y: 42, 'text-anchor': 'middle' }, host.id),
            svg(
              'text',
              { class: 'vs-host-vlan', x: px + PORT_W / 2 - 4, y: 62, 'text-anchor': 'middle' },
              `VLAN ${vid}`,
            ),
          ),
        );
      }
    }
  }
  // The link: from switch 1's uplink port, under the switches, to switch 2's.
  const a = portX('sw1', 8) + (PORT_W - 8) / 2;
  const b = portX('sw2', 1) + (PORT_W - 8) / 2;
  const crossed =
    path?.hops.some((hop) => hop.kind === 'egress' && hop.port === 8 && hop.switchId === 'sw1') ||
    path?.hops.some((hop) => hop.kind === 'egress' && hop.port === 1 && hop.switchId === 'sw2');
  root.append(
    svg('path', {
      class: `vs-link vs-link-${state.uplink.mode}${crossed ? ' vs-on-path' : ''}`,
      d: `M ${a} ${SW_Y + SW_H - 8} V ${SW_Y + SW_H + 24} H ${b} V ${SW_Y + SW_H - 8}`,
    }),
    svg(
      'text',
      { class: 'vs-link-label', x: (a + b) / 2, y: SW_Y + SW_H + 40, 'text-anchor': 'middle' },
      linkText(state.uplink, strings, sep),
    ),
  );
  return root;
}

function hopText(hop: Hop, strings: VlanStrings): string {
  const sw = (id: 'sw1' | 'sw2') => strings.switchName[id];
  switch (hop.kind) {
    case 'send':
      return fill(strings.hop.send, { host: hop.host });
    case 'deliver':
      return fill(strings.hop.deliver, { host: hop.host });
    case 'ingress': {
      const uplinkPort = switches.find((s) => s.id === hop.switchId)?.uplinkPort;
      const template = hop.tagged
        ? strings.hop.ingressTagged
        : hop.port === uplinkPort
          ? strings.hop.ingressAccessLink
          : strings.hop.ingressUntagged;
      return fill(template, { switch: sw(hop.switchId), port: hop.port, vlan: hop.vlan });
    }
    case 'egress': {
      const uplinkPort = switches.find((s) => s.id === hop.switchId)?.uplinkPort;
      const template = hop.tagged
        ? strings.hop.egressTagged
        : hop.port === uplinkPort
          ? strings.hop.egressAccessLink
          : strings.hop.egressUntagged;
      return fill(template, { switch: sw(hop.switchId), port: hop.port, vlan: hop.vlan });
    }
  }
}

function dropText(result: PingResult, strings: VlanStrings, lang: 'ja' | 'en'): string {
  const reason = result.dropped;
  if (!reason) return '';
  if (reason.kind === 'other-vlan')
    return fill(strings.drop.otherVlan, {
      switch: strings.switchName[reason.switchId],
      vlan: reason.vlan,
      host: result.to,
      dest: reason.destinationVlan,
    });
  const { uplink } = reason;
  if (uplink.mode === 'trunk')
    return fill(strings.drop.trunk, {
      vlan: reason.vlan,
      allowed: uplink.allowed.map((v) => `VLAN ${v}`).join(lang === 'ja' ? '、' : ', ') || strings.none,
    });
  if (uplink.mode === 'access') return fill(strings.drop.access, { vlan: reason.vlan, other: uplink.vlan });
  return strings.drop.none;
}

export function mountView(host: WidgetHost<VlanState, VlanStrings>): WidgetView<VlanState> {
  const { element, strings, lang } = host;
  const body =
    element.querySelector<HTMLElement>('.vs-body') ?? element.appendChild(h('div', { class: 'vs-body' }));
  let state = normaliseVlanState(host.state);
  if (JSON.stringify(state) !== JSON.stringify(host.state)) host.normalised(state);
  let lastPing: PingResult | undefined;

  // The drawing scrolls sideways on narrow screens; keyboard users can scroll it too.
  const picture = h('div', {
    class: 'vs-drawing',
    tabindex: '0',
    role: 'group',
    'aria-label': strings.drawingTitle,
  });

  // Ports: one VLAN field per host.
  const portRows = hosts.map((hostSpec) => {
    const id = uid('vs-vid');
    const input = h('input', {
      id,
      type: 'number',
      min: String(MIN_VID),
      max: String(MAX_VID),
      step: '1',
      inputmode: 'numeric',
      'data-host': hostSpec.id,
      'aria-label': fill(strings.vlanLabel, { host: hostSpec.id }),
    });
    input.addEventListener('change', () => {
      const vid = Number(input.value);
      if (!isVid(vid)) {
        input.setAttribute('aria-invalid', 'true');
        problem.textContent = strings.invalidVid;
        input.value = String(vlanOf(state, hostSpec.id));
        return;
      }
      input.removeAttribute('aria-invalid');
      problem.textContent = '';
      commit({ ...state, vlans: { ...state.vlans, [hostSpec.id]: vid } });
    });
    const row = h(
      'tr',
      {},
      // Host, its role and its port in one cell: three narrow columns wrapped badly on a phone.
      h(
        'th',
        { scope: 'row' },
        hostSpec.id,
        h('span', { class: 'vs-role' }, strings.role[hostSpec.role]),
        h(
          'span',
          { class: 'vs-role' },
          fill(strings.portValue, { switch: strings.switchName[hostSpec.switchId], port: hostSpec.port }),
        ),
      ),
      h('td', {}, input),
    );
    return { row, input, hostSpec };
  });
  const problem = h('p', { class: 'vs-problem', role: 'alert' });
  const ports = h(
    'section',
    { class: 'vs-ports' },
    h('h3', { class: 'vs-heading' }, strings.portsHeading),
    h(
      'table',
      { class: 'vs-table' },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, strings.host), h('th', { scope: 'col' }, strings.vlan)),
      ),
      h('tbody', {}, ...portRows.map((r) => r.row)),
    ),
    problem,
  );

  // The link between the switches.
  const modeName = uid('vs-mode');
  const modes = (['trunk', 'access', 'none'] as const).map((mode) => {
    const radio = h('input', { type: 'radio', name: modeName, value: mode, 'data-uplink-mode': mode });
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      const vids = vlansInUse(state);
      const uplink: Uplink =
        mode === 'trunk'
          ? { mode, allowed: vids }
          : mode === 'access'
            ? { mode, vlan: vids[0] ?? 1 }
            : { mode };
      commit({ ...state, uplink });
    });
    return h('label', { class: 'vs-choice' }, radio, h('span', {}, strings.uplinkMode[mode]));
  });
  const allowedBox = h('fieldset', { class: 'vs-allowed' });
  const accessId = uid('vs-access');
  const accessInput = h('input', {
    id: accessId,
    type: 'number',
    min: String(MIN_VID),
    max: String(MAX_VID),
    step: '1',
    'data-uplink-vlan': '',
  });
  accessInput.addEventListener('change', () => {
    const vid = Number(accessInput.value);
    if (!isVid(vid)) {
      problem.textContent = strings.invalidVid;
      accessInput.value = state.uplink.mode === 'access' ? String(state.uplink.vlan) : '1';
      return;
    }
    problem.textContent = '';
    commit({ ...state, uplink: { mode: 'access', vlan: vid } });
  });
  const accessBox = h(
    'p',
    { class: 'vs-access' },
    h('label', { for: accessId }, strings.accessVlan),
    accessInput,
  );
  const help = h('p', { class: 'vs-help' });
  const uplinkSection = h(
    'fieldset',
    { class: 'vs-uplink' },
    h('legend', {}, strings.uplinkHeading),
    h('div', { class: 'vs-modes' }, ...modes),
    help,
    allowedBox,
    accessBox,
  );

  // Who reaches whom.
  const matrix = h('table', { class: 'vs-table vs-matrix' });
  const matrixBox = h(
    'div',
    { class: 'vs-matrix-box', tabindex: '0', role: 'group', 'aria-label': strings.matrixHeading },
    matrix,
  );

  // Ping.
  const fromId = uid('vs-from');
  const toId = uid('vs-to');
  const options = () =>
    hosts.map((x) =>
      h(
        'option',
        { value: x.id },
        lang === 'ja' ? `${x.id}（${strings.role[x.role]}）` : `${x.id} (${strings.role[x.role]})`,
      ),
    );
  const from = h('select', { id: fromId, 'data-ping': 'from' }, ...options());
  const to = h('select', { id: toId, 'data-ping': 'to' }, ...options());
  to.value = hosts.find((x) => x.switchId === 'sw2')?.id ?? hosts[1]?.id ?? '';
  const go = h(
    'button',
    { type: 'button', class: 'vl-button vl-primary', 'data-action': 'ping' },
    strings.ping,
  );
  const result = h('div', { class: 'vs-result', role: 'status', 'aria-live': 'polite' });
  go.addEventListener('click', () => {
    if (from.value === to.value) return;
    lastPing = ping(state, from.value, to.value);
    renderPing();
    picture.replaceChildren(drawing(state, strings, lang, lastPing));
  });
  const pingSection = h(
    'section',
    { class: 'vs-ping' },
    h('h3', { class: 'vs-heading' }, strings.pingHeading),
    h(
      'div',
      { class: 'vs-ping-row' },
      h('label', { for: fromId }, strings.from),
      from,
      h('label', { for: toId }, strings.to),
      to,
      go,
    ),
    result,
  );

  const sources = h(
    'details',
    { class: 'vw-sources' },
    h('summary', {}, strings.sources),
    h('p', {}, strings.assumptions),
    h(
      'ul',
      {},
      ...Object.values(vlanSources).map((source) =>
        h(
          'li',
          {},
          h('a', { href: source.url }, source.title),
          `, ${source.by}${'year' in source ? ` (${source.year})` : ''}${'section' in source ? `: ${source.section}` : ''}`,
        ),
      ),
    ),
  );

  body.replaceChildren(
    picture,
    h('div', { class: 'vs-settings' }, ports, uplinkSection),
    h('section', { class: 'vs-reach' }, h('h3', { class: 'vs-heading' }, strings.matrixHeading), matrixBox),
    pingSection,
    sources,
  );
  body.hidden = false;

  function commit(next: unknown): void {
    state = normaliseVlanState(next);
    // A ping shown for the old settings would mislead: it is sent again with the new ones.
    if (lastPing) lastPing = ping(state, lastPing.from, lastPing.to);
    render();
    host.change(state);
  }

  function renderPing(): void {
    if (!lastPing) {
      result.replaceChildren();
      return;
    }
    const headline = fill(lastPing.delivered ? strings.delivered : strings.dropped, {
      from: lastPing.from,
      to: lastPing.to,
    });
    const steps = lastPing.hops.map((hop) => h('li', {}, hopText(hop, strings)));
    if (lastPing.dropped) steps.push(h('li', { class: 'vs-drop' }, dropText(lastPing, strings, lang)));
    result.dataset.delivered = String(lastPing.delivered);
    result.replaceChildren(
      h('p', { class: 'vs-headline' }, headline),
      h('ol', { class: 'vs-hops' }, ...steps),
    );
  }

  function render(): void {
    for (const { input, hostSpec } of portRows) input.value = String(vlanOf(state, hostSpec.id));
    for (const label of modes) {
      const radio = label.querySelector('input');
      if (radio) radio.checked = radio.value === state.uplink.mode;
    }
    help.textContent = strings.uplinkHelp[state.uplink.mode];
    const offered = vidList([...vlansInUse(state), ...linkCarries(state.uplink)]);
    allowedBox.hidden = state.uplink.mode !== 'trunk';
    allowedBox.replaceChildren(
      h('legend', {}, strings.allowed),
      ...offered.map((vid) => {
        const box = h('input', { type: 'checkbox', value: String(vid), 'data-allowed': String(vid) });
        box.checked = state.uplink.mode === 'trunk' && state.uplink.allowed.includes(vid);
        box.addEventListener('change', () => {
          const current = state.uplink.mode === 'trunk' ? state.uplink.allowed : [];
          const allowed = box.checked ? vidList([...current, vid]) : current.filter((v) => v !== vid);
          commit({ ...state, uplink: { mode: 'trunk', allowed } });
          allowedBox.querySelector<HTMLInputElement>(`[data-allowed="${vid}"]`)?.focus();
        });
        return h('label', { class: 'vs-choice' }, box, h('span', {}, `VLAN ${vid}`));
      }),
    );
    accessBox.hidden = state.uplink.mode !== 'access';
    if (state.uplink.mode === 'access') accessInput.value = String(state.uplink.vlan);

    matrix.replaceChildren(
      h('caption', {}, strings.matrixCaption),
      h('thead', {}, h('tr', {}, h('td', {}), ...hosts.map((x) => h('th', { scope: 'col' }, x.id)))),
      h(
        'tbody',
        {},
        ...hosts.map((a) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, a.id),
            ...hosts.map((b) => {
              const self = a.id === b.id;
              const ok = self || reachable(state, a.id, b.id);
              return h(
                'td',
                {
                  class: self ? 'vs-self' : ok ? 'vs-yes' : 'vs-no',
                  'data-from': a.id,
                  'data-to': b.id,
                  'data-reach': String(ok),
                },
                h('span', { 'aria-hidden': 'true' }, self ? '—' : ok ? '✓' : '×'),
                h(
                  'span',
                  { class: 'vw-sr-only' },
                  self ? strings.self : ok ? strings.reaches : strings.blocked,
                ),
              );
            }),
          ),
        ),
      ),
    );
    renderPing();
    picture.replaceChildren(drawing(state, strings, lang, lastPing));
  }

  render();
  return {
    show(next) {
      state = normaliseVlanState(next);
      if (lastPing) lastPing = ping(state, lastPing.from, lastPing.to);
      render();
    },
    dispose() {
      body.replaceChildren();
    },
  };
}
