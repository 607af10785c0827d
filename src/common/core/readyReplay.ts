/**
 * How a panel's message is kept for the webview. `slot`: what the view must show; the last one of
 * each slot is kept and sent again each time the webview (re)starts. `reset`: replaces whatever
 * waited for the first `ready`. Anything else waits for the first `ready` only.
 */
export type ReplayKind = { slot: string } | 'reset' | 'once';

/**
 * The one ready-then-replay rule of DeepScope's webview panels: the webview says `ready` first;
 * until then posts wait, and are replayed in order. After a restart (VS Code re-creates hidden
 * webviews) only the slots are replayed, and the host is told so it can send the rest again.
 */
export class ReadyReplay<T> {
  private ready = false;
  private waiting: T[] = [];
  private readonly slots = new Map<string, T>();

  /** `slotOrder`: the order in which slots are replayed, whatever order they were posted in. */
  constructor(
    private readonly kindOf: (message: T) => ReplayKind,
    private readonly slotOrder: readonly string[] = [],
  ) {}

  /** Returns whether to send `message` now. */
  post(message: T): boolean {
    const kind = this.kindOf(message);
    if (typeof kind === 'object') {
      this.slots.set(kind.slot, message);
      return this.ready;
    }
    if (this.ready) return true;
    if (kind === 'reset') this.waiting = [];
    this.waiting.push(message);
    return false;
  }

  /** The webview said `ready`: what to send it, in order, and whether it had been ready before. */
  onReady(): { messages: T[]; restarted: boolean } {
    const restarted = this.ready;
    this.ready = true;
    const slotted = [...this.slots.keys()]
      .sort((a, b) => rank(this.slotOrder, a) - rank(this.slotOrder, b))
      .map((slot) => this.slots.get(slot) as T);
    const messages = [...slotted, ...this.waiting];
    this.waiting = [];
    return { messages, restarted };
  }

  clear(): void {
    this.waiting = [];
    this.slots.clear();
  }
}

function rank(order: readonly string[], slot: string): number {
  const index = order.indexOf(slot);
  return index < 0 ? order.length : index;
}
