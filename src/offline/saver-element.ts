// The <vlab-offline> element of <OfflineSaver>: the button and its progress. The saving itself
// (save-offline.ts) is loaded on click, so the page's eager script stays small.
import { formatMegabytes, type OfflineStrings } from './strings.ts';

class OfflineSaverElement extends HTMLElement {
  connectedCallback(): void {
    const strings = JSON.parse(this.dataset.strings ?? '{}') as OfflineStrings;
    const button = this.querySelector<HTMLButtonElement>('[data-action="save-offline"]');
    const progress = this.querySelector('progress');
    const status = this.querySelector('.vl-offline-status');
    if (!button || !progress || !status) return;
    if (!('serviceWorker' in navigator) || !('caches' in globalThis)) {
      this.dataset.status = 'unsupported';
      button.disabled = true;
      status.textContent = strings.unsupported;
      return;
    }
    button.addEventListener('click', async () => {
      button.disabled = true;
      this.dataset.status = 'saving';
      progress.hidden = false;
      progress.value = 0;
      status.textContent = '';
      try {
        const { saveForOffline } = await import('./save-offline.ts');
        await saveForOffline(({ done, total }) => {
          progress.max = Math.max(total, 1);
          progress.value = done;
          status.textContent = strings.saving
            .replace('{done}', formatMegabytes(done))
            .replace('{total}', formatMegabytes(total));
        });
        this.dataset.status = 'saved';
        progress.hidden = true;
        status.textContent = strings.saved;
      } catch (error) {
        this.dataset.status = 'error';
        progress.hidden = true;
        button.disabled = false;
        button.textContent = strings.retry;
        status.textContent = strings.failed.replace(
          '{message}',
          error instanceof Error ? error.message : String(error),
        );
      }
    });
  }
}

customElements.define('vlab-offline', OfflineSaverElement);
