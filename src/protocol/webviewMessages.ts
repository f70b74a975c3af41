/**
 * Every message between the extension and the results webview, as discriminated unions. The webview asks
 * for its state with `ready` instead of having data baked into its HTML; the extension answers with `show`.
 */
import type { CheckReport } from "./checkReport";
import type { FurtherReading } from "./exercise";

/** Another exercise the panel links to (the one the learner was working on, the next one). */
export interface ExerciseLink {
  packId: string;
  exerciseId: string;
  title: string;
}

/** A chart the webview draws: series of numbers over shared labels. */
export interface ChartSeries {
  label: string;
  /** One value per label; null leaves a gap (a value the learner has not produced, a marker elsewhere). */
  data: (number | null)[];
  /** Which theme colour role the series takes. */
  role: "reference" | "learner" | "error" | "neutral";
  /** Optional: picks the n-th theme chart colour instead of the role's, for several neutral series. */
  colorIndex?: number;
  /** Optional (line charts): draw as a staircase, as a quantization grid is. */
  stepped?: boolean;
  /** Optional (line charts): draw a marker at every value. */
  showPoints?: boolean;
  /** Optional: marker size in pixels. */
  pointRadius?: number;
  /** Optional: the index of the value the person chose (a calculator's format), drawn in the "yours" colour. */
  highlight?: number;
}
export interface ChartSpec {
  id: string;
  title: string;
  type: "bar" | "line" | "scatter";
  labels: string[];
  series: ChartSeries[];
  xTitle?: string;
  yTitle?: string;
}

/** The exercise a panel shows: its prompt, the opened rungs of its hint ladder, its reference when allowed. */
export interface ExerciseView {
  packId: string;
  exerciseId: string;
  summary: string;
  /** Markdown source; the webview renders it with raw HTML disabled, so a pack's HTML and scripts stay inert. */
  prompt: string;
  /** The rungs opened so far, in order (never more than the learner asked for). */
  hints: string[];
  /** How many rungs the ladder has in all. */
  hintCount: number;
  /** Whether the pack lets the reference be shown, and when. */
  reference: { kind: "never" } | { kind: "after-pass" } | { kind: "available" } | { kind: "shown"; source: string };
  /** False in Restricted Mode: the Run button explains that running code needs trust. */
  canRun: boolean;
  /** Path of the learner's solution file, when it exists. */
  solutionFile?: string;
  /** The tree's words for the exercise's status, e.g. "failed 3 of 7". */
  status: string;
  /** Optional: the exercise the learner was working on before a hint request switched the panel here. */
  backTo?: ExerciseLink;
  /** Optional: the exercise after this one in its pack. */
  next?: ExerciseLink;
  /** Optional, only once the exercise has passed: the hints not opened, and where to read further. */
  afterPass?: {
    unopenedHints: string[];
    furtherReading: FurtherReading[];
    /** The learner's passing source, shown beside the reference once the reference is shown. */
    yourSource?: string;
  };
}

/** What the panel shows. Kept JSON-serialisable: it is also the webview's persisted state. */
export interface PanelModel {
  title: string;
  subtitle?: string;
  /** Optional: labelled results shown as a table (a calculator's inputs and answers, with units). */
  facts?: { label: string; value: string }[];
  charts: ChartSpec[];
  report?: CheckReport;
  /** Optional: present when the panel shows an exercise (calculator results leave it out). */
  exercise?: ExerciseView;
  /** Optional: true while a check of the shown exercise runs. */
  running?: boolean;
  /** Optional: a problem to show above everything else (a check that could not run, say). */
  notice?: string;
}

export type ToWebviewMessage =
  /** `focus`: scroll to and focus a part after rendering (the hint just opened). */
  | { type: "show"; model: PanelModel; focus?: "latest-hint" }
  /** A check of the shown exercise started or ended: only the Run button changes, nothing is re-rendered. */
  | { type: "running"; running: boolean }
  | TranslationsMessage;

/** The first message of a page in a language other than English: VS Code's translations of the page's words. */
export interface TranslationsMessage {
  type: "l10n";
  bundle: Record<string, string>;
}

export type FromWebviewMessage =
  | { type: "ready" }
  | { type: "rendered"; charts: number; paintedCharts: string[] }
  /** Run the learner's file for the exercise the panel shows. */
  | { type: "runCheck" }
  /** Open the next rung of the hint ladder. */
  | { type: "revealHint" }
  /** Show the reference solution (honoured only after a pass, where the pack allows it). */
  | { type: "showReference" }
  /** Open the learner's solution file in an editor. */
  | { type: "openSolution" }
  /** Open the playground on the preset that shows the idea of the exercise the panel shows. */
  | { type: "openPlayground" }
  /** Open another exercise (its file and its panel): "Back to …" and "Next exercise". */
  | { type: "openExercise"; packId: string; exerciseId: string };
