/** KL and JS divergence between two distributions, and which classes the KL comes from. */
import { jsDivergence, klContributions, klDivergence } from "../core";
import type { Calculator, FieldValues } from "./calculator";
import { choiceField, sameLengthAs, textField } from "./fields";
import { formatList, formatNumber } from "./formatValues";
import { parseProbabilities } from "./parseInput";

const UNIT = { e: "nats", "2": "bits" } as const;

export const divergenceCalculator: Calculator = {
  id: "divergence",
  title: "KL / JS Divergence",
  description: "KL(p ‖ q), KL(q ‖ p) and JS(p, q) between probability vectors, with each class's share of KL(p ‖ q).",
  examples: ["compression-tutor calc divergence --p 0.7,0.3 --q 0.6,0.4", "compression-tutor calc divergence --p '[0.5, 0.5, 0]' --q '[0.4, 0.4, 0.2]' --base 2 --json"],
  fields: [
    textField({ key: "p", title: "p", prompt: "p: the reference distribution (the teacher), summing to 1", placeholder: "0.7, 0.3", defaultText: "0.7, 0.3" }, parseProbabilities),
    textField(
      { key: "q", title: "q", prompt: "q: the approximating distribution (the student), same length as p", placeholder: "0.6, 0.4", defaultText: "0.6, 0.4" },
      sameLengthAs(parseProbabilities, "p", "p"),
    ),
    choiceField({ key: "base", title: "log base", prompt: "Logarithm: e gives nats (PyTorch's kl_div), 2 gives bits", defaultText: "e" }, [
      { value: "e", label: "e", detail: "natural log, nats (PyTorch)" },
      { value: "2", label: "2", detail: "log base 2, bits" },
    ]),
  ],
  compute(values: FieldValues) {
    const p = values.p as number[];
    const q = values.q as number[];
    const base = values.base as "e" | "2";
    const options = base === "2" ? { base: 2 } : {};
    const unit = UNIT[base];
    const klPQ = klDivergence(p, q, options);
    const klQP = klDivergence(q, p, options);
    const js = jsDivergence(p, q, options);
    // Contributions are in nats (the core's natural log); they sum to KL(p ‖ q) in nats.
    const contributions = Array.from(klContributions(p, q));
    const labels = p.map((_, i) => `class ${i}`);
    return {
      calculator: "divergence",
      title: `KL / JS divergence (${unit})`,
      summary: `KL(p ‖ q) = ${formatNumber(klPQ)} ${unit}, KL(q ‖ p) = ${formatNumber(klQP)} ${unit}, JS = ${formatNumber(js)} ${unit}`,
      lines: [
        { label: "p", value: formatList(p) },
        { label: "q", value: formatList(q) },
        { label: "KL(p ‖ q)", value: `${formatNumber(klPQ)} ${unit}` },
        { label: "KL(q ‖ p)", value: `${formatNumber(klQP)} ${unit}` },
        { label: "JS(p, q)", value: `${formatNumber(js)} ${unit}` },
        { label: "per-class p·ln(p/q)", value: `${formatList(contributions)} nats` },
      ],
      values: { p, q, base, unit, klPQ, klQP, js, contributionsNats: contributions },
      charts: [
        {
          id: "kl-contributions",
          title: "Each class's contribution p·ln(p/q) to KL(p ‖ q)",
          type: "bar",
          labels,
          series: [{ label: "p·ln(p/q) (nats)", data: contributions, role: "error" }],
          xTitle: "class",
          yTitle: "nats",
        },
        {
          id: "divergence-distributions",
          title: "p and q",
          type: "bar",
          labels,
          series: [
            { label: "p", data: p, role: "reference" },
            { label: "q", data: q, role: "learner" },
          ],
          xTitle: "class",
          yTitle: "probability",
        },
      ],
    };
  },
};
