/**
 * Requests that wait for a reply, by id: the one request/reply mechanism of both ends of the sandbox channel (the
 * runner's runs, answered by `runResult`; the sandbox's questions about files, answered by `fileAnswer`).
 * Ids count up from 1. A reply for an id that is not waiting is not delivered: the caller learns so from the
 * return value, and decides what that means (the runner's channel refuses such a message before it gets here).
 */
export class PendingReplies<Reply, Context = undefined> {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(reply: Reply): void; reject(error: Error): void; context: Context }>();

  /** A fresh id and the promise of its reply. `context` stays with the id until the reply (see `contextOf`). */
  open(context: Context): { id: number; reply: Promise<Reply> } {
    const id = this.nextId++;
    const reply = new Promise<Reply>((resolve, reject) => this.waiting.set(id, { resolve, reject, context }));
    return { id, reply };
  }

  /** What `open` was given for a waiting id; undefined once it is answered (or never was). */
  contextOf(id: number): Context | undefined {
    return this.waiting.get(id)?.context;
  }

  isWaiting(id: number): boolean {
    return this.waiting.has(id);
  }

  /** Delivers the reply; false when nothing waits for `id`. */
  resolve(id: number, reply: Reply): boolean {
    const entry = this.take(id);
    entry?.resolve(reply);
    return entry !== undefined;
  }

  /** Fails the request; false when nothing waits for `id`. */
  reject(id: number, error: Error): boolean {
    const entry = this.take(id);
    entry?.reject(error);
    return entry !== undefined;
  }

  /** Fails every waiting request (the other end is gone), each with the error made for its context. */
  rejectAll(errorFor: (context: Context) => Error): void {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of entries) entry.reject(errorFor(entry.context));
  }

  private take(id: number) {
    const entry = this.waiting.get(id);
    this.waiting.delete(id);
    return entry;
  }
}
