/**
 * Word-list categories. Context categories are labels such as "BSN" or "ordernummer" that say what a
 * nearby number is; they come out of the same word pass as the health and finance terms.
 */
export const CATEGORY = {
  health: 0,
  finance: 1,
  keyword: 2,
  bsn: 3,
  /** Labels of numbers that are not personal identifiers: order, invoice, amount, phone... */
  other: 4,
  card: 5,
  phone: 6,
  document: 7,
  birth: 8,
  /** Forms of address and labels that introduce a person's name. */
  person: 9,
} as const;

export const CONTENT_CATEGORIES = 3;

export function bit(category: number): number {
  return 1 << category;
}

/** Positions of context labels in one text, for "what is the nearest label" questions. */
export class ContextIndex {
  private starts: number[] = [];
  private ends: number[] = [];
  private categories: number[] = [];
  private present = 0;

  /** Called by the word pass for every label, in text order (by start). */
  add(start: number, end: number, category: number): void {
    this.starts.push(start);
    this.ends.push(end);
    this.categories.push(category);
    this.present |= bit(category);
  }

  /** Whether any label of the categories in `mask` occurs in the text at all. */
  has(mask: number): boolean {
    return (this.present & mask) !== 0;
  }

  /**
   * The category of the closest label among `mask` that ends at most `window` characters before
   * `pos`, or -1. The closest label wins so that in "BSN 123456782, order 987654321" the second
   * number belongs to "order".
   */
  before(pos: number, window: number, mask: number): number {
    const k = this.closestBefore(pos, window, mask);
    return k < 0 ? -1 : this.categories[k]!;
  }

  /** Like {@link before}, but where that label ends, or -1. */
  endBefore(pos: number, window: number, mask: number): number {
    const k = this.closestBefore(pos, window, mask);
    return k < 0 ? -1 : this.ends[k]!;
  }

  private closestBefore(pos: number, window: number, mask: number): number {
    for (let k = this.firstFrom(pos) - 1; k >= 0 && this.starts[k]! >= pos - window - 40; k--) {
      const end = this.ends[k]!;
      if (end <= pos && end >= pos - window && (bit(this.categories[k]!) & mask) !== 0) return k;
    }
    return -1;
  }

  /** The category of the first label among `mask` that starts at most `window` characters after `pos`, or -1. */
  after(pos: number, window: number, mask: number): number {
    for (let k = this.firstFrom(pos); k < this.starts.length && this.starts[k]! <= pos + window; k++) {
      if ((bit(this.categories[k]!) & mask) !== 0) return this.categories[k]!;
    }
    return -1;
  }

  /** The index of the first label that starts at or after `pos`. */
  private firstFrom(pos: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the labels of one category end, in text order. */
  endsOf(category: number): number[] {
    return this.ends.filter((_, k) => this.categories[k] === category);
  }
}
