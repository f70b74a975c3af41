// AssemblyScript: e^x exactly as V8 computes Math.exp (v8/src/base/ieee754.cc, FreeBSD msun's e_exp.c, which
// comes from fdlibm), so a kernel that exponentiates gives the same bits as the TypeScript core. The standard
// library's Math.exp is a different (musl) algorithm that can differ in the last bit.

const halF0: f64 = 0.5;
const o_threshold: f64 = 7.09782712893383973096e2;
const u_threshold: f64 = -7.45133219101941108420e2;
const ln2HI0: f64 = 6.93147180369123816490e-1;
const ln2LO0: f64 = 1.90821492927058770002e-10;
const invln2: f64 = 1.44269504088896338700;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
const E: f64 = 2.718281828459045;
const huge: f64 = 1.0e300;
const twom1000: f64 = 9.33263618503218878990e-302;
const two1023: f64 = 8.988465674311579539e307;

export function v8Exp(x: f64): f64 {
  let hi: f64 = 0;
  let lo: f64 = 0;
  let k: i32 = 0;
  let hx = <u32>(reinterpret<u64>(x) >> 32);
  const xsb: i32 = <i32>((hx >> 31) & 1);
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      const lx = <u32>reinterpret<u64>(x);
      if (((hx & 0xfffff) | lx) != 0) return x + x;
      return xsb == 0 ? x : 0.0;
    }
    if (x > o_threshold) return huge * huge;
    if (x < u_threshold) return twom1000 * twom1000;
  }
  if (hx > 0x3fd62e42) {
    if (hx < 0x3ff0a2b2) {
      if (x == 1.0) return E;
      hi = xsb == 0 ? x - ln2HI0 : x + ln2HI0;
      lo = xsb == 0 ? ln2LO0 : -ln2LO0;
      k = 1 - xsb - xsb;
    } else {
      k = <i32>(invln2 * x + (xsb == 0 ? halF0 : -halF0));
      const t = <f64>k;
      hi = x - t * ln2HI0;
      lo = t * ln2LO0;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    if (huge + x > 1.0) return 1.0 + x;
  } else {
    k = 0;
  }
  const t = x * x;
  let twopk: f64;
  if (k >= -1021) twopk = reinterpret<f64>(<u64>(<u32>(0x3ff00000 + (k << 20))) << 32);
  else twopk = reinterpret<f64>(<u64>(<u32>(0x3ff00000 + ((k + 1000) << 20))) << 32);
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * two1023;
    return y * twopk;
  }
  return y * twopk * twom1000;
}
