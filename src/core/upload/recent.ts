/** A short newest-first list (the status log): old entries fall off, so memory stays flat. */
export class Recent<T> {
  private items: T[] = [];
  private readonly size: number;

  constructor(size = 50) {
    this.size = size;
  }

  add(item: T): void {
    this.items.unshift(item);
    if (this.items.length > this.size) this.items.length = this.size;
  }

  list(): T[] {
    return [...this.items];
  }
}
