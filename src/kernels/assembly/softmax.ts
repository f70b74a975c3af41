// AssemblyScript: softmaxRows of src/core/softmax.ts for float32 logits and output, step for step (row max,
// e = exp((x − m) / T) stored as float32 while the float64 sum keeps the unrounded e, then out·(1/sum)).
import { v8Exp } from "./exp";

/** Returns 1, or 0 when a row's result is NaN (a non-finite logit), which the core then reports. */
export function softmaxRowsF32(x: usize, out: usize, n: i32, rowLength: i32, temperature: f64): i32 {
  for (let start = 0; start < n; start += rowLength) {
    const end = start + rowLength;
    let m: f64 = -Infinity;
    for (let i = start; i < end; i++) {
      const v = <f64>load<f32>(x + (<usize>i << 2));
      if (v > m) m = v;
    }
    let sum: f64 = 0;
    for (let i = start; i < end; i++) {
      const e = v8Exp((<f64>load<f32>(x + (<usize>i << 2)) - m) / temperature);
      store<f32>(out + (<usize>i << 2), <f32>e);
      sum += e;
    }
    const inverseSum = 1 / sum;
    for (let i = start; i < end; i++) {
      const p = out + (<usize>i << 2);
      store<f32>(p, <f32>(<f64>load<f32>(p) * inverseSum));
    }
    if (!(<f64>load<f32>(out + (<usize>start << 2)) >= 0)) return 0;
  }
  return 1;
}
