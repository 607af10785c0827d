/** How far outside the viewport an element still counts as on screen: it is drawn just before it scrolls in. */
const MARGIN = '200px 0px';

/**
 * Which of a set of elements are on screen (IntersectionObserver), and a call when one comes into
 * view. Before the observer's first report, nothing is on screen; the report follows within a frame.
 */
export class OnScreen<K> {
  private readonly shown = new Set<K>();

  constructor(elements: readonly (readonly [K, Element])[], onShown: (key: K) => void) {
    const keys = new Map(elements.map(([key, element]) => [element, key]));
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const key = keys.get(entry.target);
          if (key === undefined) continue;
          if (!entry.isIntersecting) {
            this.shown.delete(key);
          } else if (!this.shown.has(key)) {
            this.shown.add(key);
            onShown(key);
          }
        }
      },
      { rootMargin: MARGIN },
    );
    keys.forEach((_, element) => observer.observe(element));
  }

  has(key: K): boolean {
    return this.shown.has(key);
  }
}
