// npm run guest:state                          make public/guest/state.bin.zst now
// node src/guest/make-state.ts --if-stale      only when it is missing or stale (npm run build / start);
//                                              needs no apt, only the committed kernel and BIOS
import { parseArgs } from 'node:util';
import { readManifest } from './manifest.ts';
import { makeState, staleness } from './saved-state.ts';

const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean', default: false } } });

const reason = staleness(readManifest());
if (values['if-stale'] && reason === null) {
  console.log('guest:state: saved state is up to date');
} else {
  console.log(`guest:state: making the saved state${reason ? ` (${reason})` : ''}`);
  await makeState((line) => console.log(`guest:state: ${line}`));
}
