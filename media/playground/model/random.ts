/**
 * Seeded random numbers for the playground's sample tensors and stochastic rounding: the same seed gives the
 * same tensor in the webview, in the unit tests and in a learner's snippet, on every machine.
 */

/** mulberry32: a 32-bit state generator, uniform in [0, 1); small, fast, and good enough for illustrations. */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal samples by Box–Muller from a uniform source. */
export function seededNormal(seed: number): () => number {
  const uniform = seededUniform(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - uniform(); // (0, 1]: log(u) stays finite
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** Laplace(0, b) samples by inverting the CDF; b = 1/√2 gives unit variance like the normal samples. */
export function seededLaplace(seed: number, b = Math.SQRT1_2): () => number {
  const uniform = seededUniform(seed);
  return () => {
    const u = uniform() - 0.5;
    return -b * Math.sign(u) * Math.log(1 - 2 * Math.abs(u) || Number.MIN_VALUE);
  };
}
