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
  private sorted = true;

  /** Called by the word pass for every label, mostly in text order. */
  add(start: number, end: number, category: number): void {
    const n = this.starts.length;
    if (n > 0 && start < this.starts[n - 1]!) this.sorted = false;
    this.starts.push(start);
    this.ends.push(end);
    this.categories.push(category);
    this.present |= bit(category);
  }

  // A label of several words found through a later word can arrive after a shorter one.
  private order(): void {
    if (this.sorted) return;
    const idx = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]!);
    this.starts = idx.map((i) => this.starts[i]!);
    this.ends = idx.map((i) => this.ends[i]!);
    this.categories = idx.map((i) => this.categories[i]!);
    this.sorted = true;
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
    return this.nearestBefore(pos, window, mask)?.category ?? -1;
  }

  /** Like {@link before}, with where the label ends. */
  nearestBefore(pos: number, window: number, mask: number): { category: number; end: number } | null {
    this.order();
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && this.starts[k]! >= pos - window - 40; k--) {
      const end = this.ends[k]!;
      if (end > pos || end < pos - window) continue;
      if ((bit(this.categories[k]!) & mask) !== 0) return { category: this.categories[k]!, end };
    }
    return null;
  }

  /** The category of the first label among `mask` that starts at most `window` characters after `pos`, or -1. */
  after(pos: number, window: number, mask: number): number {
    this.order();
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.starts.length && this.starts[k]! <= pos + window; k++) {
      if ((bit(this.categories[k]!) & mask) !== 0) return this.categories[k]!;
    }
    return -1;
  }

  /** Start offsets of the labels of one category, in text order. */
  positions(category: number): Array<{ start: number; end: number }> {
    this.order();
    const out: Array<{ start: number; end: number }> = [];
    for (let k = 0; k < this.starts.length; k++) {
      if (this.categories[k] === category) out.push({ start: this.starts[k]!, end: this.ends[k]! });
    }
    return out;
  }
}
