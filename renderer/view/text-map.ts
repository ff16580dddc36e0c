/** Where each rendered text node sits in ArticleModel.text, so a character range becomes a DOM Range. */
export interface MappedText {
  node: Text;
  start: number;
  end: number;
}

export class TextMap {
  private readonly nodes: MappedText[] = [];

  /** Nodes must be added in document (and text) order. */
  add(node: Text, start: number): void {
    this.nodes.push({ node, start, end: start + node.data.length });
  }

  /** A DOM Range covering [start, end) of the model text, or null if nothing of it is shown. */
  range(start: number, end: number): Range | null {
    if (end <= start || this.nodes.length === 0) return null;
    const first = this.firstEndingAfter(start);
    if (first < 0) return null;
    let last = this.lastStartingBefore(end);
    if (last < first) return null;
    const a = this.nodes[first]!;
    const b = this.nodes[last]!;
    const range = document.createRange();
    range.setStart(a.node, Math.max(0, start - a.start));
    range.setEnd(b.node, Math.min(b.node.data.length, end - b.start));
    if (range.collapsed) return null;
    return range;
  }

  private firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.nodes[mid]!.end > pos) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }

  private lastStartingBefore(pos: number): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.nodes[mid]!.start < pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
