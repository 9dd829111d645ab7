/**
 * Undo/redo and the browser's Back/Forward are one history. Each browser-history entry of the page is tagged (in
 * history.state) with its position in the browser's list and the undo depth of the scenario it holds (how many undo
 * steps from the start of the session: a change adds one, an undo takes one away, a redo adds it back). Ctrl+Z then
 * moves the browser back to the entry that holds the scenario before, instead of rewriting the current entry, so that
 * after an undo, Back goes on to the step before that (and Forward is redo); and Back is an undo step.
 *
 * The ledger is this page's memory of the entries it tagged: pure (no DOM), so that the walk can be tested;
 * store/url.ts drives the browser with it.
 */

/** What the page keeps in history.state of its entries. */
export interface EntryTag {
  readonly timescape: 1;
  /** position in the browser's list of entries (counted from the first entry the page tagged) */
  readonly pos: number;
  /** undo depth of the scenario the entry holds */
  readonly depth: number;
}

/** The page's tag of a history.state, or null (an entry the page did not tag: a fragment link, a typed address). */
export function tagOf(state: unknown): EntryTag | null {
  if (typeof state !== 'object' || state === null) return null;
  const { timescape, pos, depth } = state as Partial<EntryTag>;
  if (timescape !== 1 || !Number.isInteger(pos) || !Number.isInteger(depth)) return null;
  return { timescape: 1, pos: pos as number, depth: depth as number };
}

export class EntryLedger {
  /** undo depth held by each entry this page tagged, by position */
  private readonly depths = new Map<number, number>();
  private current: number;

  /** `pos`: the position of the entry the page starts on (its tag after a reload, else 0) */
  constructor(pos = 0) {
    this.current = pos;
  }

  get pos(): number {
    return this.current;
  }

  /** The current entry now holds the scenario at `depth`; returns its tag (for history.replaceState). */
  replace(depth: number): EntryTag {
    this.depths.set(this.current, depth);
    return { timescape: 1, pos: this.current, depth };
  }

  /** A new entry after the current one holds `depth`; the entries after it are gone (as in the browser). */
  push(depth: number): EntryTag {
    for (const pos of [...this.depths.keys()]) if (pos > this.current) this.depths.delete(pos);
    this.current += 1;
    return this.replace(depth);
  }

  /** The browser moved to an entry: a tagged one (Back, Forward, history.go), or a new untagged one after the one
   * the page was on (a fragment link such as #trial), which is then tagged with `depth`. */
  arrive(tag: EntryTag | null, depth: number): EntryTag {
    if (!tag) return this.push(depth);
    this.current = tag.pos;
    this.depths.set(tag.pos, tag.depth);
    return tag;
  }

  /**
   * How far (for history.go) the nearest entry holding `depth` is: 0 when it is the current one, else the nearest in
   * `direction` (-1: back, for an undo; +1: forward, for a redo), passing over entries of deeper (undo) or shallower
   * (redo) steps, such as a view switch made after the change. null when no entry holds it: the change was never an
   * entry of its own (two changes inside one address write) or the page was reloaded since.
   */
  distanceTo(depth: number, direction: -1 | 1): number | null {
    if (this.depths.get(this.current) === depth) return 0;
    for (let pos = this.current + direction; this.depths.has(pos); pos += direction) {
      const held = this.depths.get(pos) as number;
      if (held === depth) return pos - this.current;
      // an entry beyond the wanted step: the one wanted is not in the list
      if (direction < 0 ? held < depth : held > depth) return null;
    }
    return null;
  }
}
