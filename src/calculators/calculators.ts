/** Every calculator, by id: the one table the palette commands and the CLI both read. */
import type { Calculator, CalculatorId } from "./calculator";
import { distillationCalculator } from "./distillationCalculator";
import { divergenceCalculator } from "./divergenceCalculator";
import { memoryCalculator } from "./memoryCalculator";
import { qparamsCalculator } from "./qparamsCalculator";
import { quantizeCalculator } from "./quantizeCalculator";
import { softmaxCalculator } from "./softmaxCalculator";

export const CALCULATORS: Readonly<Record<CalculatorId, Calculator>> = {
  quantize: quantizeCalculator,
  qparams: qparamsCalculator,
  memory: memoryCalculator,
  softmax: softmaxCalculator,
  divergence: divergenceCalculator,
  distillation: distillationCalculator,
};
