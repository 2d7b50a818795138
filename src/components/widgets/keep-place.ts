// Keeps the reader's place while a widget above what they are reading changes height. Widgets render their view
// (and their charts) only as they come near the viewport, growing from a one-line placeholder to thousands of
// pixels; a reader who jumped to the playground below (a Run button, a link) would see it pushed off screen.
// Chromium's scroll anchoring did not catch it (the classification playground moved 2,559–4,259 px down), and
// Safari has none, so pages with these widgets turn the browser's anchoring off (widgets.css) and this does it
// instead: when a widget whose bottom was above the viewport changes height, the page scrolls by as much.
// Heights, not positions, are compared, so two widgets above the viewport never both answer for one change.
export function keepPlace(element: HTMLElement): () => void {
  let lastHeight = element.getBoundingClientRect().height;
  const observer = new ResizeObserver(() => {
    const { height, bottom } = element.getBoundingClientRect();
    const growth = height - lastHeight;
    lastHeight = height;
    // Where its bottom was before the change, in the viewport as it is now.
    if (growth !== 0 && bottom - growth <= 0) window.scrollBy({ top: growth, behavior: 'instant' });
  });
  observer.observe(element);
  return () => observer.disconnect();
}
