/**
 * What sticks out of a page at its viewport's width: the document's own
 * scroll width, every element whose right edge passes the viewport, and
 * every element that scrolls sideways because its content is wider than it
 * (a table in a scrolling box counts: no table is meant to scroll). What a
 * clipping box hides (a visually hidden table head) cannot stick out, and
 * an SVG's marks scale with it: neither is looked into. Run in the page;
 * returns up to five offenders, [] when the page fits.
 */
export function overflowsInPage(): string[] {
  const width = window.innerWidth;
  const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
  const found: string[] = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) found.push(`document ${scrollWidth}px wide`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
    acceptNode(node) {
      const e = node as Element;
      const box = e.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0 && box.height > 0) found.push(`${name(e)} ends at ${Math.round(box.right)}px`);
      if (e.tagName.toLowerCase() === 'svg') return NodeFilter.FILTER_REJECT;
      if (e.scrollWidth > e.clientWidth + 1) {
        const style = getComputedStyle(e);
        if (/auto|scroll/.test(style.overflowX)) found.push(`${name(e)} scrolls: ${e.scrollWidth}px in ${e.clientWidth}px`);
        if (style.overflowX !== 'visible' || style.clipPath !== 'none') return NodeFilter.FILTER_REJECT;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  while (walker.nextNode() && found.length < 5);
  return found;
}
