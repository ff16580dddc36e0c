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
  let group: HTMLElement | null = null;
  let chars = 0;
  return {
    append(...nodes) {
      for (const node of nodes) {
        if (!group || group.childElementCount >= GROUP_ELEMENTS || chars >= GROUP_CHARS) {
          group = document.createElement('div');
          group.className = 'block-group';
          body.append(group);
          chars = 0;
        }
        group.append(node);
        // Text already in the element (containers such as a quote's figure fill up later).
        chars += node.textContent?.length ?? 0;
      }
    },
  };
}
