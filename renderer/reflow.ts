// Low vision: at large text sizes or zoom a header that sticks to the top would cover much of
// the window and hide the sentence being read. It sticks only while it takes at most a quarter
// of the window's height; otherwise it scrolls away with the page.

const MAX_SHARE = 0.25;

export function fitHeader(header: HTMLElement): void {
  const update = () => header.classList.toggle('is-static', header.offsetHeight > window.innerHeight * MAX_SHARE);
  new ResizeObserver(update).observe(header);
  window.addEventListener('resize', update);
  update();
}

/** How far down the window a sticky header covers the page (0 when it scrolls with the page). */
export function coveredTop(): number {
  const header = document.querySelector<HTMLElement>('.app-header');
  if (!header || getComputedStyle(header).position !== 'sticky') return 0;
  return Math.max(0, header.getBoundingClientRect().bottom);
}
