// Keeps an element where the learner has it in the window while the page above it changes: widgets and
// exercises that react to the machine starting (a Run button's block), a playground that opens and results that
// appear (an exercise's Check). Chromium's scroll anchoring does not do it here: the playground that grows is
// itself on screen, and pages with widgets turn anchoring off (widgets/widgets.css).

/**
 * Keeps `anchor` where it is in the window while the page above it changes (widgets and exercises that react
 * to the machine starting), until `until` settles and a few seconds more. The reader's own scrolling moves
 * the place kept.
 */
export function holdPlace(anchor: Element, until: Promise<unknown>): void {
  let top = anchor.getBoundingClientRect().top;
  const onScroll = () => {
    top = anchor.getBoundingClientRect().top;
  };
  const observer = new ResizeObserver(() => {
    const moved = anchor.getBoundingClientRect().top - top;
    if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
  });
  observer.observe(document.body);
  window.addEventListener('scroll', onScroll, { passive: true });
  const release = () =>
    setTimeout(() => {
      observer.disconnect();
      window.removeEventListener('scroll', onScroll);
    }, 5_000);
  until.then(release, release);
}
