/** A one-line progress bar for stderr. The caller decides whether to show it (a terminal, many files). */

export function progressLine(done: number, total: number, label: string, width = 28): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${label}`;
}

export class Progress {
  private last = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Redraws at most every 80 ms, and always at the end. */
  update(done: number): void {
    const t = this.now();
    if (done < this.total && t - this.last < 80) return;
    this.last = t;
    this.show(progressLine(done, this.total, this.label));
  }

  /** Replaces the bar with a status line (e.g. while the synchronous migration runs). */
  show(text: string): void {
    this.write(`\r\x1b[2K${text}`);
  }

  clear(): void {
    this.write("\r\x1b[2K");
  }
}
