/**
 * The values a scheme can represent at a tensor's largest scale (s from max |w|), drawn over its histogram.
 * Channels, groups and blocks with a smaller range get a finer grid of the same shape.
 */
import { NF4_CODEBOOK, fp8Decode } from "../../src/core";
import type { InspectSchemeName } from "../../src/protocol/inspectMessages";

function integers(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(k * step);
  return out;
}

let e4m3: number[] | undefined;
function e4m3Values(): number[] {
  if (!e4m3) {
    e4m3 = [];
    for (let bits = 0; bits < 256; bits++) {
      const v = fp8Decode(bits, "e4m3");
      if (Number.isFinite(v) && !Object.is(v, -0)) e4m3.push(v);
    }
    e4m3.sort((a, b) => a - b);
  }
  return e4m3;
}

export function schemeGrid(scheme: InspectSchemeName, absmax: number): number[] {
  if (!(absmax > 0)) return [0];
  switch (scheme) {
    case "int8-per-tensor":
    case "int8-per-channel":
      return integers(-127, 127, absmax / 127);
    case "int4-g128":
      return integers(-8, 7, absmax / 7);
    case "nf4-b64":
      return NF4_CODEBOOK.map((c) => c * absmax);
    case "fp8-e4m3":
      return e4m3Values().map((v) => (v * absmax) / 448);
    case "q4_0":
      return integers(-8, 7, absmax / 8);
    case "q8_0":
      return integers(-127, 127, absmax / 127);
  }
}
