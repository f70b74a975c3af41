/**
 * Model memory at a weight format, in bytes, GB and GiB, with an optional KV cache and training state.
 * The total counts the weights once, at the chosen format, then adds the KV cache and what training the
 * trainable parameters needs besides weights (gradients, optimizer states, fp32 master weights).
 */
import { bitsPerWeight, kvCacheBytes, memoryBytes, reductionFactor, toGB, toGiB, trainingMemory } from "../core";
import type { Calculator, FieldValues, ResultLine } from "./calculator";
import { choiceField, textField } from "./fields";
import { formatBytes, formatNumber, formatParams } from "./formatValues";
import { KV_BYTES_PER_ELEMENT, KV_FORMATS, type KvFormat, layoutOf, MEMORY_FORMAT_INFO, MEMORY_FORMATS, type MemoryFormat } from "./memoryFormats";
import { parseCount, parsePositiveInteger } from "./parseInput";
import { reject } from "./parsed";

const withKv = (earlier: FieldValues) => earlier.kv === "add";
const withTraining = (earlier: FieldValues) => earlier.training !== undefined && earlier.training !== "none";

const TRAINING = {
  "adam-mixed": { mixedPrecision: true, label: "Adam, mixed precision" },
  "adam-fp32": { mixedPrecision: false, label: "Adam, fp32" },
} as const;

export const memoryCalculator: Calculator = {
  id: "memory",
  title: "Model Memory",
  description: "Weights at a format (fp32 … int4, NF4, Q4_0, Q8_0, group-scale overhead included), plus an optional KV cache and Adam training state; GB = 1e9 bytes, GiB = 2^30.",
  examples: [
    "compression-tutor calc memory --params 7B --format int4 --group-size 128",
    "compression-tutor calc memory --params 7B --format fp16 --kv add --layers 32 --kv-heads 32 --head-dim 128 --seq-len 4096",
    "compression-tutor calc memory --params 7B --format nf4 --training adam-mixed --trainable-params 20M --json",
  ],
  fields: [
    textField({ key: "params", title: "parameter count", prompt: "Parameters: 7B, 13e9, 20M or 1.5T", placeholder: "7B", defaultText: "7B" }, parseCount),
    choiceField(
      { key: "format", title: "format", prompt: "Weight format", defaultText: "int4" },
      MEMORY_FORMATS.map((format) => ({ value: format, label: MEMORY_FORMAT_INFO[format].label, detail: MEMORY_FORMAT_INFO[format].detail })),
    ),
    textField(
      {
        key: "groupSize",
        title: "group size",
        prompt: "Weights per fp16 scale (e.g. 128); leave empty for one scale per tensor (overhead ignored)",
        placeholder: "128",
        defaultText: "",
        optional: true,
        appliesWhen: (earlier) => typeof earlier.format === "string" && MEMORY_FORMAT_INFO[earlier.format as MemoryFormat].groupable,
      },
      parsePositiveInteger,
    ),
    choiceField({ key: "kv", title: "KV cache", prompt: "Add a KV cache?", defaultText: "none" }, [
      { value: "none", label: "none", detail: "weights only" },
      { value: "add", label: "add", detail: "2 · layers · KV heads · head dim · tokens · batch · bytes per element" },
    ]),
    textField({ key: "layers", title: "layers", prompt: "Transformer layers (Llama-2-7B: 32)", placeholder: "32", defaultText: "32", appliesWhen: withKv }, parsePositiveInteger),
    textField({ key: "kvHeads", title: "KV heads", prompt: "Key/value heads per layer (fewer than query heads with GQA; Llama-2-7B: 32)", placeholder: "32", defaultText: "32", appliesWhen: withKv }, parsePositiveInteger),
    textField({ key: "headDim", title: "head dimension", prompt: "Dimension of each head (Llama-2-7B: 128)", placeholder: "128", defaultText: "128", appliesWhen: withKv }, parsePositiveInteger),
    textField({ key: "seqLen", title: "sequence length", prompt: "Tokens in the cache: 4096, 32K, 128K", placeholder: "4096", defaultText: "4096", appliesWhen: withKv }, parseCount),
    textField({ key: "batch", title: "batch", prompt: "Sequences cached at once", placeholder: "1", defaultText: "1", appliesWhen: withKv }, parsePositiveInteger),
    choiceField(
      { key: "kvFormat", title: "KV cache format", prompt: "Element format of the cache", defaultText: "fp16", appliesWhen: withKv },
      KV_FORMATS.map((format) => ({ value: format, label: format, detail: `${KV_BYTES_PER_ELEMENT[format]} byte(s) per element` })),
    ),
    choiceField({ key: "training", title: "training", prompt: "Add training state (gradients, Adam moments, master weights)?", defaultText: "none" }, [
      { value: "none", label: "none", detail: "inference only" },
      { value: "adam-mixed", label: "adam-mixed", detail: "Adam, mixed precision: +2 gradients +8 moments +4 fp32 master = 14 bytes per trainable parameter" },
      { value: "adam-fp32", label: "adam-fp32", detail: "Adam, fp32: +4 gradients +8 moments = 12 bytes per trainable parameter" },
    ]),
    textField(
      {
        key: "trainableParams",
        title: "trainable parameters",
        prompt: "Trainable parameters (e.g. 20M for an adapter); leave empty to train all of them",
        placeholder: "20M",
        defaultText: "",
        optional: true,
        appliesWhen: withTraining,
      },
      (title, text, earlier) => {
        const read = parseCount(title, text);
        if (read.ok && typeof earlier.params === "number" && read.value > earlier.params) {
          return reject(`${title} cannot exceed the parameter count (${formatParams(earlier.params)}), got ${formatParams(read.value)}`);
        }
        return read;
      },
    ),
  ],
  compute(values: FieldValues) {
    const params = values.params as number;
    const format = values.format as MemoryFormat;
    const groupSize = values.groupSize as number | undefined;
    const bits = bitsPerWeight(layoutOf(format, groupSize));
    const weights = memoryBytes(params, bits);
    const formatLabel = `${MEMORY_FORMAT_INFO[format].label}${groupSize !== undefined ? `, group ${groupSize}` : ""}`;
    const lines: ResultLine[] = [
      { label: "parameters", value: `${formatParams(params)} (${params})` },
      { label: "format", value: `${formatLabel}: ${formatNumber(bits)} bits per weight` },
      { label: "weights", value: bytesText(weights) },
      bits === 16
        ? { label: "against fp16", value: "the same size (fp16 is 16 bits per weight)" }
        : bits < 16
          ? { label: "smaller than fp16 by", value: `${formatNumber(reductionFactor(16, bits))}×` }
          : { label: "larger than fp16 by", value: `${formatNumber(reductionFactor(bits, 16))}×` },
    ];
    const result: Record<string, unknown> = { params, format, groupSize: groupSize ?? null, bitsPerWeight: bits, weights: bytesValue(weights) };
    let total = weights;

    if (values.kv === "add") {
      const kvFormat = values.kvFormat as KvFormat;
      const kv = kvCacheBytes({
        layers: values.layers as number,
        kvHeads: values.kvHeads as number,
        headDim: values.headDim as number,
        seqLen: values.seqLen as number,
        batch: values.batch as number,
        bytesPerElement: KV_BYTES_PER_ELEMENT[kvFormat],
      });
      lines.push({ label: `KV cache (${formatParams(values.seqLen as number)} tokens × ${String(values.batch)}, ${kvFormat})`, value: bytesText(kv) });
      result.kvCache = { ...bytesValue(kv), layers: values.layers, kvHeads: values.kvHeads, headDim: values.headDim, seqLen: values.seqLen, batch: values.batch, kvFormat };
      total += kv;
    }

    if (values.training === "adam-mixed" || values.training === "adam-fp32") {
      const setup = TRAINING[values.training];
      const trainable = (values.trainableParams as number | undefined) ?? params;
      const state = trainingMemory(trainable, { optimizer: "adam", mixedPrecision: setup.mixedPrecision });
      const extra = state.gradients + state.optimizerStates + state.masterWeights;
      lines.push(
        { label: `gradients (${formatParams(trainable)} trainable)`, value: bytesText(state.gradients) },
        { label: "optimizer states (Adam moments)", value: bytesText(state.optimizerStates) },
        { label: "fp32 master weights", value: bytesText(state.masterWeights) },
      );
      result.training = {
        setup: values.training,
        trainableParams: trainable,
        gradients: bytesValue(state.gradients),
        optimizerStates: bytesValue(state.optimizerStates),
        masterWeights: bytesValue(state.masterWeights),
      };
      total += extra;
    }

    lines.push({ label: "total", value: bytesText(total) });
    result.total = bytesValue(total);
    const perFormat = MEMORY_FORMATS.map((f) => toGB(memoryBytes(params, bitsPerWeight(layoutOf(f, MEMORY_FORMAT_INFO[f].groupable ? groupSize : undefined)))));
    const extraGB = toGB(total - weights);
    return {
      calculator: "memory",
      title: `Model memory: ${formatParams(params)} parameters at ${formatLabel}`,
      summary: `${formatParams(params)} at ${formatLabel}: ${bytesText(total)}${total !== weights ? " in total" : ""}`,
      lines,
      values: result,
      charts: [
        {
          id: "memory-by-format",
          title: `Weights of ${formatParams(params)} parameters in each format (GB)${groupSize !== undefined ? `, int4/int8 with group ${groupSize}` : ""}`,
          type: "bar",
          labels: MEMORY_FORMATS.map((f) => (f === format ? `${MEMORY_FORMAT_INFO[f].label} (chosen)` : MEMORY_FORMAT_INFO[f].label)),
          series: [
            { label: "weights (GB)", data: perFormat, role: "reference", highlight: MEMORY_FORMATS.indexOf(format) },
            ...(extraGB > 0 ? [{ label: "weights + KV cache + training state (GB)", data: perFormat.map((gb) => gb + extraGB), role: "neutral" as const }] : []),
          ],
          xTitle: "format",
          yTitle: "GB",
        },
      ],
    };
  },
};

function bytesText(bytes: number): string {
  return formatBytes(bytes, toGB(bytes), toGiB(bytes));
}

function bytesValue(bytes: number): { bytes: number; gb: number; gib: number } {
  return { bytes, gb: toGB(bytes), gib: toGiB(bytes) };
}
