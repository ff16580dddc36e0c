/**
 * An empty array made to hold objects (or strings: any value but a small integer). V8 starts `[]` with small-integer elements, and the first object pushed into it
 * changes its map: code optimised for one parse's arrays (objects) then meets the next parse's new empty one and is
 * thrown away, twice per push site (wrong map, then not a small integer), each a recompile of a parse-long loop. An
 * array that held an object once keeps object elements, so every list made here has the same map from the start.
 */
export function objectList<T>(): T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as T[];
}

/**
 * `items.map(f)`, built by pushing. What Array.prototype.map returns has one hidden class when its caller runs
 * optimised and another when it does not, so code that reads the result was thrown away whenever that changed
 * (a few times each parse); a pushed array has one.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T) => U): U[] {
  const out = objectList<U>();
  for (const item of items) out.push(f(item));
  return out;
}
