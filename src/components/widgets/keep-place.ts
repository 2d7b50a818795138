// Keeps the reader's place while a widget above what they are reading changes height. Widgets render their view
// (and their charts) only as they come near the viewport, growing from a one-line placeholder to thousands of
// pixels; a reader who jumped to the playground below (a Run button, a link) would see it pushed off screen.
// Browsers' scroll anchoring does not always catch this (measured on the classification chapter: the playground
// moved 4,259 px down in Chromium), so when a widget entirely above the viewport changes height, the page scrolls
// by as much. Where the browser has already anchored the scroll, the widget's bottom has not moved on screen and
// nothing more happens.
export function keepPlace(element: HTMLElement): () => void {
  let lastBottom = element.getBoundingClientRect().bottom;
  const remember = (): void => {
    lastBottom = element.getBoundingClientRect().bottom;
  };
  const observer = new ResizeObserver(() => {
    const bottom = element.getBoundingClientRect().bottom;
    if (lastBottom <= 0 && bottom !== lastBottom) window.scrollBy(0, bottom - lastBottom);
    remember();
  });
  observer.observe(element);
  window.addEventListener('scroll', remember, { passive: true });
  return () => {
    observer.disconnect();
    window.removeEventListener('scroll', remember);
  };
}
