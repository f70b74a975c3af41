/** Softmax at a temperature: the probabilities a teacher hands a student, and how T flattens them. */
import { entropy, softmax } from "../core";
import type { Calculator, FieldValues } from "./calculator";
import { textField } from "./fields";
import { formatList, formatNumber } from "./formatValues";
import { parseList, parseTemperatureFor } from "./parseInput";

export const softmaxCalculator: Calculator = {
  id: "softmax",
  title: "Softmax at a Temperature",
  description: "Probabilities softmax(logits / T), next to T = 1, with their entropy in nats.",
  examples: ["compression-tutor calc softmax --logits 2,0 --temperature 2", "compression-tutor calc softmax --logits '[2, 1, 0.1]' --temperature 4 --json"],
  fields: [
    textField({ key: "logits", title: "logits", prompt: "Logits, separated by commas or spaces", placeholder: "2, 1, 0.1", defaultText: "2, 1, 0.1" }, parseList),
    textField({ key: "temperature", title: "temperature", prompt: "Temperature T (> 0): higher flattens the distribution", placeholder: "2", defaultText: "1" }, (title, text, earlier) =>
      parseTemperatureFor(title, text, [earlier.logits as number[] | undefined]),
    ),
  ],
  compute(values: FieldValues) {
    const logits = values.logits as number[];
    const temperature = values.temperature as number;
    const atT = Array.from(softmax(logits, temperature));
    const atOne = Array.from(softmax(logits, 1));
    const entropyAtT = entropy(atT);
    const entropyAtOne = entropy(atOne);
    const labels = logits.map((_, i) => `class ${i}`);
    return {
      calculator: "softmax",
      title: `Softmax at T = ${formatNumber(temperature)}`,
      summary: `softmax(${formatList(logits)} / ${formatNumber(temperature)}) = ${formatList(atT)}`,
      lines: [
        { label: "logits", value: formatList(logits) },
        { label: `probabilities at T = ${formatNumber(temperature)}`, value: formatList(atT) },
        { label: "probabilities at T = 1", value: formatList(atOne) },
        { label: `entropy at T = ${formatNumber(temperature)}`, value: `${formatNumber(entropyAtT)} nats` },
        { label: "entropy at T = 1", value: `${formatNumber(entropyAtOne)} nats` },
      ],
      values: { logits, temperature, probabilities: atT, probabilitiesAtT1: atOne, entropyNats: entropyAtT, entropyAtT1Nats: entropyAtOne },
      charts: [
        {
          id: "softmax-probabilities",
          title: `Probabilities at T = ${formatNumber(temperature)} and at T = 1`,
          type: "bar",
          labels,
          series: [
            { label: `T = ${formatNumber(temperature)}`, data: atT, role: "learner" },
            { label: "T = 1", data: atOne, role: "neutral" },
          ],
          xTitle: "class",
          yTitle: "probability",
        },
      ],
    };
  },
};
