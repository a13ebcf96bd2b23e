/** A token bucket: `rate` tokens per second refill up to `capacity`; time is injectable for tests. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly capacity: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
  }

  /**
   * Takes `n` tokens, or none. Returns 0 when taken, else the seconds until `n` would be available
   * (Infinity when `n` exceeds the capacity: it can never pass).
   */
  take(n = 1): number {
    this.refill();
    if (this.tokens >= n) {
      this.tokens -= n;
      return 0;
    }
    if (n > this.capacity) return Number.POSITIVE_INFINITY;
    return (n - this.tokens) / this.rate;
  }

  /**
   * Reserves one token, letting the balance go negative (GCRA-style shaping): returns the
   * milliseconds to wait before proceeding, or -1 (nothing reserved) when that wait would exceed
   * `maxWaitMs`. A closed-loop flooder is thereby slowed to the rate instead of spinning on 429s.
   */
  reserve(maxWaitMs: number): number {
    this.refill();
    const waitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000;
    if (waitMs > maxWaitMs) return -1;
    this.tokens -= 1;
    return waitMs;
  }

  /** True when the bucket is full (an idle tenant: its state can be forgotten). */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}
