import { softmax as coreSoftmax } from "../core";
import type { PanelModel } from "../protocol/webviewMessages";

/** What the panel shows before any check has run: the seed's softmax at three temperatures. */
export function welcomeModel(): PanelModel {
  const logits = [2, 1, 0.1];
  const softmax = (t: number) => Array.from(coreSoftmax(logits, t));
  return {
    title: "Compression Tutor",
    subtitle: "Softmax of the logits [2, 1, 0.1] at temperatures 1, 2 and 4: higher T spreads probability.",
    charts: [
      {
        id: "softmax-temperatures",
        title: "Softmax across temperatures",
        type: "bar",
        labels: ["class 0", "class 1", "class 2"],
        xTitle: "class",
        yTitle: "probability",
        series: [
          { label: "T = 1", data: softmax(1), role: "neutral", colorIndex: 0 },
          { label: "T = 2", data: softmax(2), role: "neutral", colorIndex: 1 },
          { label: "T = 4", data: softmax(4), role: "neutral", colorIndex: 2 },
        ],
      },
    ],
  };
}
