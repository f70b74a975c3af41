/** Hinton's distillation loss: hard cross-entropy at the label plus T²-scaled KL between softened outputs. */
import { distillationLoss, softmax } from "../core";
import type { Calculator, FieldValues } from "./calculator";
import { sameLengthAs, textField } from "./fields";
import { formatList, formatNumber } from "./formatValues";
import { parseAlpha, parseInteger, parseList, parseTemperatureFor } from "./parseInput";
import { reject, shown } from "./parsed";

/** Below this T² underflows to 0 and the soft loss would vanish for no reason but rounding. */
const MIN_DISTILLATION_TEMPERATURE = 1e-150;

export const distillationCalculator: Calculator = {
  id: "distillation",
  title: "Distillation Loss",
  description: "total = α·CE(student, label) + (1 − α)·T²·KL(softmax(teacher/T) ‖ softmax(student/T)), in nats.",
  examples: [
    "compression-tutor calc distillation --teacher 2,1,0.1 --student 1.5,1.2,0.3 --label 0 --alpha 0.5 --temperature 2",
    "compression-tutor calc distillation --teacher '[4, 1, -2]' --student '[1, 1, 1]' --label 0 --json",
  ],
  fields: [
    textField({ key: "teacher", title: "teacher logits", prompt: "Teacher logits, separated by commas or spaces", placeholder: "2, 1, 0.1", defaultText: "2, 1, 0.1" }, parseList),
    textField(
      { key: "student", title: "student logits", prompt: "Student logits, as many as the teacher's", placeholder: "1.5, 1.2, 0.3", defaultText: "1.5, 1.2, 0.3" },
      sameLengthAs(parseList, "teacher", "the teacher logits"),
    ),
    textField({ key: "label", title: "label", prompt: "The true class: an index from 0", placeholder: "0", defaultText: "0" }, (title, text, earlier) => {
      const read = parseInteger(title, text);
      const classes = (earlier.student as number[] | undefined)?.length;
      if (read.ok && classes !== undefined && (read.value < 0 || read.value >= classes)) {
        return reject(`${title} must be a class index from 0 to ${classes - 1} (got ${read.value})`);
      }
      return read;
    }),
    textField({ key: "alpha", title: "alpha", prompt: "α: weight of the hard loss, from 0 to 1 (the soft loss gets 1 − α)", placeholder: "0.5", defaultText: "0.5" }, parseAlpha),
    textField({ key: "temperature", title: "temperature", prompt: "Temperature T (> 0) for the soft targets", placeholder: "2", defaultText: "2" }, (title, text, earlier) => {
      const read = parseTemperatureFor(title, text, [earlier.teacher as number[] | undefined, earlier.student as number[] | undefined]);
      // The soft loss is scaled by T², which must stay a non-zero double as well as a finite one.
      if (read.ok && read.value < MIN_DISTILLATION_TEMPERATURE) return reject(`${title} must be at least 1e-150, where T² is still above 0 (got ${shown(text)})`);
      return read;
    }),
  ],
  compute(values: FieldValues) {
    const teacherLogits = values.teacher as number[];
    const studentLogits = values.student as number[];
    const label = values.label as number;
    const alpha = values.alpha as number;
    const temperature = values.temperature as number;
    const loss = distillationLoss({ studentLogits, teacherLogits, label, alpha, temperature });
    const teacherSoft = Array.from(softmax(teacherLogits, temperature));
    const studentSoft = Array.from(softmax(studentLogits, temperature));
    return {
      calculator: "distillation",
      title: `Distillation loss at T = ${formatNumber(temperature)}, α = ${formatNumber(alpha)}`,
      summary: `total ${formatNumber(loss.total)} = ${formatNumber(alpha)}·hard ${formatNumber(loss.hard)} + ${formatNumber(1 - alpha)}·soft ${formatNumber(loss.soft)} (nats)`,
      lines: [
        { label: "hard: CE(student, label)", value: `${formatNumber(loss.hard)} nats` },
        { label: "soft: T²·KL(teacher_T ‖ student_T)", value: `${formatNumber(loss.soft)} nats` },
        { label: "total: α·hard + (1 − α)·soft", value: `${formatNumber(loss.total)} nats` },
        { label: `teacher probabilities at T = ${formatNumber(temperature)}`, value: formatList(teacherSoft) },
        { label: `student probabilities at T = ${formatNumber(temperature)}`, value: formatList(studentSoft) },
      ],
      values: { teacherLogits, studentLogits, label, alpha, temperature, hard: loss.hard, soft: loss.soft, total: loss.total, teacherProbabilities: teacherSoft, studentProbabilities: studentSoft },
      charts: [
        {
          id: "distillation-soft-targets",
          title: `Soft targets at T = ${formatNumber(temperature)}: teacher and student`,
          type: "bar",
          labels: teacherLogits.map((_, i) => (i === label ? `class ${i} (label)` : `class ${i}`)),
          series: [
            { label: "teacher", data: teacherSoft, role: "reference" },
            { label: "student", data: studentSoft, role: "learner" },
          ],
          xTitle: "class",
          yTitle: "probability",
        },
      ],
    };
  },
};
