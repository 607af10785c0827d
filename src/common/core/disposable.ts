/** Anything that can be released; structural, so the core stays free of VS Code. */
export interface DisposableLike {
  dispose(): void;
}

/**
 * Owns disposables and releases them together. `dispose()` runs once; one that throws does not keep
 * the others from being released (the first error is rethrown after all ran). Something registered
 * after disposal is released at once, so a late listener never leaks.
 */
export class DisposableStore implements DisposableLike {
  private readonly owned: DisposableLike[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  register<T extends DisposableLike>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  registerAll(...disposables: DisposableLike[]): void {
    disposables.forEach((disposable) => this.register(disposable));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const disposable of this.owned.splice(0)) {
      try {
        disposable.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw errors[0];
  }
}
