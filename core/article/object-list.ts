/**
 * An empty array made to hold objects (or strings: any value but a small integer). An empty `[]` starts with
 * small-integer elements and takes another hidden class at its first object; `--trace-deopt` showed the code that
 * pushed into the arrays a parse fills once (blocks, pieces, entities, chains, speakers) thrown away at the next
 * parse's new empty array, twice a site ("wrong map", then "not a Smi"), each a recompile of a parse-long loop. An
 * array that has held an object keeps object elements, so every list made here has one hidden class from the start.
 */
export function objectList<T>(): T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as T[];
}

/**
 * `items.map(f)` for a dense array, built by pushing (`f` is given the item only, not its index). Here
 * `--trace-deopt` showed code reading map()'s results thrown away a few times each parse ("wrong map"): the array
 * map() returns had another hidden class when its caller ran optimised than when it did not. A pushed array has one.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T) => U): U[] {
  const out = objectList<U>();
  for (const item of items) out.push(f(item));
  return out;
}
