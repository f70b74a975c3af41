/**
 * KL(p ‖ q), the divergence of the student q from the teacher p, in nats (natural log).
 * A class where p is 0 contributes nothing.
 */
export function klDivergence(p: number[], q: number[]): number {
  throw new Error("Not implemented yet: klDivergence");
}
