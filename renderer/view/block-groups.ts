// The article's top-level elements go into groups (<div class="block-group">, no role: screen
// readers pass over it). Layout skips a group out of view as one box (styles.css,
// content-visibility): with one box per paragraph, a 1 MB article had thousands, and the
// browser's per-frame visibility check over all of them cost 100-400 ms a frame. A group
// closes at GROUP_ELEMENTS elements or about GROUP_CHARS of text, whichever comes first, so a
// group in view is a few screens to lay out, and a 1 MB article has a few hundred groups.

export const GROUP_ELEMENTS = 100;
export const GROUP_CHARS = 24_000;

export interface BlockGroups {
  /** Appends top-level elements, opening a new group when the current one is full. */
  append(...nodes: Node[]): void;
}

export function blockGroups(body: HTMLElement): BlockGroups {
  const add = wrappedAppender(body, 'div', 'block-group', (group, chars) => group.childElementCount >= GROUP_ELEMENTS || chars >= GROUP_CHARS);
  return { append: (...nodes) => nodes.forEach(add) };
}

/**
 * Appends nodes to `parent` inside wrappers (<tag class="className">), opening a new one when
 * `full` says so. `chars`: text in the current wrapper, as its nodes were when they went in
 * (containers such as a quote's figure fill up later).
 */
export function wrappedAppender(parent: HTMLElement, tag: 'div' | 'span', className: string, full: (wrapper: HTMLElement, chars: number) => boolean): (node: Node) => void {
  let wrapper: HTMLElement | null = null;
  let chars = 0;
  return (node) => {
    if (!wrapper || full(wrapper, chars)) {
      wrapper = document.createElement(tag);
      wrapper.className = className;
      parent.append(wrapper);
      chars = 0;
    }
    wrapper.append(node);
    chars += node.textContent?.length ?? 0;
  };
}
