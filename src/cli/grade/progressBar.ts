/** A one-line progress bar on an interactive stderr, redrawn in place; silent elsewhere (CI logs, pipes). */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly write: ((text: string) => void) | undefined,
  ) {}

  tick(label: string): void {
    this.done++;
    if (!this.write) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && this.done < this.total) return;
    this.lastDraw = now;
    const width = 30;
    const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
    this.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${this.done}/${this.total} ${label.slice(0, 40).padEnd(40)}`);
  }

  finish(): void {
    this.write?.("\n");
  }
}
