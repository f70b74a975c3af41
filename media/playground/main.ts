/**
 * The playground webview: state in, charts and numbers out, through the pure model in ./model (which calls
 * the compute core). Every update is timed with performance measures ("playground-update": a control's
 * input to the current scheme painted; "playground-sweep": to the last curve point), which the e2e test reads.
 */
import type { Chart } from "chart.js";
import type { PlaygroundTensor, ToPlaygroundMessage } from "../../src/protocol/playgroundMessages";
import { el, selectControl } from "./controls";
import { DistillationTab } from "./distillationTab";
import { distillationView } from "./model/distillationView";
import { PRESETS, applyPreset, findPreset, resolvePreset } from "./model/presets";
import { QuantizationLab } from "./model/quantizationView";
import { type Tensor, sampleTensor } from "./model/samples";
import { distillationSnippet, quantizationSnippet } from "./model/snippet";
import { type DistillationState, type PlaygroundState, type PlaygroundTab, type QuantizationState, sanitizeState } from "./model/state";
import { tensorFromMessage } from "./model/tensorMessage";
import { onThemeChange } from "../results/theme";
import { QuantizationTab } from "./quantizationTab";
import { vscodeApi } from "./vscodeApi";

const saved = vscodeApi.getState();
let state: PlaygroundState = sanitizeState(saved?.state);
/** A tensor from a model file; after a reload the extension sends it again (it keeps it on disk). */
let custom: Tensor | undefined;
let savedAt = typeof saved?.savedAt === "number" ? saved.savedAt : 0;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

let lab: QuantizationLab | undefined;
let labKey = "";
let sweepGeneration = 0;

function currentTensor(q: QuantizationState): { tensor: Tensor; key: string } {
  if (q.sample === "custom" && custom) return { tensor: custom, key: `custom:${custom.name}:${custom.values.length}` };
  return { tensor: sampleTensor(q.sample === "custom" ? "normal" : q.sample, q.size, q.seed), key: `${q.sample}:${q.size}:${q.seed}` };
}

function labFor(q: QuantizationState): QuantizationLab {
  const key = q.sample === "custom" && custom ? `custom:${custom.name}:${custom.values.length}` : `${q.sample}:${q.size}:${q.seed}`;
  if (!lab || key !== labKey) {
    lab = new QuantizationLab(currentTensor(q).tensor);
    labKey = key;
  }
  return lab;
}

/** Saves in the webview's state at once, and posts the settings to the extension at most every 200 ms. */
function save(): void {
  savedAt = Date.now();
  vscodeApi.setState({ state, savedAt });
  saveTimer ??= setTimeout(() => {
    saveTimer = undefined;
    vscodeApi.postMessage({ type: "saveState", state, savedAt });
  }, 200);
}

// ---- layout -------------------------------------------------------------------------------------------------
const app = document.getElementById("app")!;
const header = el("header");
header.append(el("h1", "Compression Tutor: Playground"));
const presetSelect = selectControl(
  [{ value: "", label: "Choose a preset…" }, ...PRESETS.map((p) => ({ value: p.id, label: `${p.tab === "quantization" ? "Quantization" : "Distillation"}: ${p.title}` }))],
  (id) => {
    const preset = findPreset(id);
    if (preset) setState(applyPreset(state, preset), "preset", true);
  },
);
presetSelect.id = "preset";
const presetLabel = el("label", "Preset");
presetLabel.htmlFor = "preset";
const presetRow = el("div", undefined, "preset-row");
presetRow.append(presetLabel, presetSelect);
const idea = el("p", undefined, "idea");
idea.id = "preset-idea";
const notice = el("p", undefined, "error-text");
notice.id = "notice";
notice.setAttribute("role", "alert");
header.append(presetRow, idea, notice);

const tabList = el("div", undefined, "tabs");
tabList.setAttribute("role", "tablist");
tabList.setAttribute("aria-label", "Playground");
const quantization = new QuantizationTab((patch, control) => setState({ ...state, preset: undefined, quantization: { ...state.quantization, ...patch } }, control), copySnippet);
const distillation = new DistillationTab((patch, control) => setState({ ...state, preset: undefined, distillation: { ...state.distillation, ...patch } }, control), copySnippet);
const panels: Record<PlaygroundTab, { tab: HTMLButtonElement; panel: HTMLElement }> = {} as never;
for (const [name, label, content] of [
  ["quantization", "Quantization", quantization.element],
  ["distillation", "Distillation", distillation.element],
] as const) {
  const tab = el("button", label, "tab");
  tab.type = "button";
  tab.id = `tab-${name}`;
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-controls", `panel-${name}`);
  tab.addEventListener("click", () => setState({ ...state, tab: name }, `tab-${name}`));
  tab.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight" && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const next: PlaygroundTab = name === "quantization" ? "distillation" : "quantization";
    const target = event.key === "Home" ? "quantization" : event.key === "End" ? "distillation" : next;
    setState({ ...state, tab: target }, `tab-${target}`);
    panels[target].tab.focus();
  });
  const panel = el("section", undefined, "tab-panel");
  panel.id = `panel-${name}`;
  panel.setAttribute("role", "tabpanel");
  panel.setAttribute("aria-labelledby", tab.id);
  panel.append(content);
  tabList.append(tab);
  panels[name] = { tab, panel };
}
app.replaceChildren(header, tabList, panels.quantization.panel, panels.distillation.panel);

/** The live chart objects, for inspection (devtools, and the e2e test, which reads chart data, not pixels). */
const liveCharts = (): Record<string, Chart> => ({ ...quantization.charts, ...(distillation.charts as Record<string, Chart>) });
Object.defineProperty(window, "playgroundCharts", { get: liveCharts });

// ---- updates ------------------------------------------------------------------------------------------------
function setState(next: PlaygroundState, control: string, syncControls = false): void {
  const started = performance.now();
  const tabChanged = next.tab !== state.tab;
  state = sanitizeState(next);
  save();
  render(started, control, syncControls || tabChanged);
}

function render(started: number, control: string, syncControls: boolean): void {
  for (const [name, { tab, panel }] of Object.entries(panels)) {
    const selected = name === state.tab;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    panel.hidden = !selected;
  }
  const preset = state.preset ? findPreset(state.preset) : undefined;
  presetSelect.value = preset?.id ?? "";
  idea.textContent = preset ? preset.idea : "Move a control and watch the charts follow; pick a preset to see one idea at a time.";
  quantization.syncControls(state.quantization, custom?.name);
  if (syncControls) distillation.syncControls(state.distillation);
  if (state.tab === "quantization") paintQuantization(started, control);
  else paintDistillation(state.distillation, started, control);
}

function paintQuantization(started: number, control: string): void {
  const q = state.quantization;
  const currentLab = labFor(q);
  let computed: ReturnType<QuantizationLab["current"]>;
  try {
    computed = currentLab.current(q);
    notice.textContent = "";
  } catch (error) {
    // The core refuses some tensors under some formats (values beyond Q4_0's fp16 scale, say): say why, keep the charts.
    notice.textContent = `This tensor cannot be quantized this way: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  const { view, missing } = computed;
  for (const chart of Object.values(quantization.charts)) chart.resize();
  quantization.paintCurrent(view);
  performance.measure("playground-update", { start: started, detail: { tab: "quantization", control, values: view.tensor.count, format: q.format } });
  // The sweep: one more quantization per task, newest state first; a later move cancels this one.
  const generation = ++sweepGeneration;
  const remaining = missing.slice();
  const step = () => {
    if (generation !== sweepGeneration) return;
    const scheme = remaining.shift();
    if (scheme) {
      currentLab.metricsFor(scheme);
      setTimeout(step, 0);
      return;
    }
    quantization.paintSweep({ ...currentLab.sweep(q), current: view.current });
    performance.measure("playground-sweep", { start: started, detail: { tab: "quantization", control, values: view.tensor.count, computed: missing.length } });
  };
  if (missing.length > 0) setTimeout(step, 0);
  else performance.measure("playground-sweep", { start: started, detail: { tab: "quantization", control, values: view.tensor.count, computed: 0 } });
}

function paintDistillation(d: DistillationState, started: number, control: string): void {
  for (const chart of Object.values(distillation.charts)) chart?.resize();
  distillation.paint(d, distillationView(d));
  performance.measure("playground-update", { start: started, detail: { tab: "distillation", control, values: d.teacher.length } });
}

function copySnippet(): void {
  try {
    const text =
      state.tab === "quantization"
        ? quantizationSnippet(state.quantization, labFor(state.quantization).view(state.quantization))
        : distillationSnippet(state.distillation, distillationView(state.distillation));
    vscodeApi.postMessage({ type: "copySnippet", text });
  } catch (error) {
    notice.textContent = `Nothing to copy: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * A tensor from the extension (validated there, checked again as it crosses): a new one is shown at once; the
 * one kept from before a reload (`restored`) only replaces the stand-in sample if the state still shows it.
 */
function loadTensor(tensor: PlaygroundTensor, restored: boolean): void {
  const loaded = tensorFromMessage(tensor);
  if (!loaded) {
    notice.textContent = "The tensor sent to the playground is malformed; it was not loaded.";
    return;
  }
  custom = loaded;
  lab = undefined;
  // Taking back the kept tensor changes no setting: repaint without saving (a save would date the state
  // after the extension's kept settings, which arrive next and must win over a stale saved state).
  if (restored) return render(performance.now(), "restoreTensor", true);
  setState({ ...state, tab: "quantization", preset: undefined, quantization: { ...state.quantization, sample: "custom" } }, "loadTensor", true);
}

window.addEventListener("message", (event: MessageEvent<ToPlaygroundMessage>) => {
  const message = event.data;
  if (message?.type === "applyPreset") {
    const preset = resolvePreset(message.preset);
    if (preset) setState(applyPreset(state, preset), "preset", true);
  } else if (message?.type === "loadTensor") loadTensor(message.tensor, message.restored === true);
  else if (message?.type === "restoreState" && typeof message.savedAt === "number" && message.savedAt > savedAt) {
    setState(sanitizeState(message.state), "restore", true);
  }
});

function remakeCharts(): void {
  quantization.makeCharts();
  distillation.makeCharts();
  // Charts in the hidden tab are painted when it is shown; paint both now so neither starts empty.
  const q = state.quantization;
  try {
    quantization.paintCurrent(labFor(q).current(q).view);
  } catch {
    // render() below says why.
  }
  distillation.paint(state.distillation, distillationView(state.distillation));
  render(performance.now(), "theme", false);
}

onThemeChange(remakeCharts);
distillation.syncControls(state.distillation);
remakeCharts();
vscodeApi.postMessage({ type: "ready" });
