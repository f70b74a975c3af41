/**
 * `compression-tutor inspect <file> [--schemes a,b] [--tensors <glob>] [--format table|json|csv]`: every tensor of
 * a model file (.safetensors, a sharded model.safetensors.index.json, .gguf, .npy, .npz) with what each
 * quantization scheme would cost and the error it would add (src/models/schemes.ts defines them).
 */
import path from "node:path";
import { ModelFileError } from "../../models/file";
import type { InspectReport } from "../../models/inspect";
import { MAX_THREADS, inspectModelFile } from "../../models/node/inspectFile";
import { SCHEMES, SchemeName, isScheme } from "../../models/schemes";
import { EXIT_OK, UsageError, type CliIo } from "../io";
import { choice, parseOptions } from "../parseOptions";

const FORMATS = ["table", "json", "csv"] as const;
const DEFAULT_SCHEMES: SchemeName[] = ["int8-per-channel", "int4-g128", "q4_0"];

export const INSPECT_HELP = `Usage: compression-tutor inspect <file> [options]

Lists the tensors of a model file (.safetensors, model.safetensors.index.json, .gguf, .npy, .npz) and what
each quantization scheme would store and how much error it would add (MSE, SQNR, max abs error).

Options:
  --schemes a,b,...       schemes to evaluate (default ${DEFAULT_SCHEMES.join(",")}; "all" for every one):
                          ${SCHEMES.join(", ")}
  --tensors <glob>        only tensors whose name matches (* any characters, ? one character)
  --format table|json|csv output format (default table)
  --threads <n>           tensors inspected in parallel, one thread each (default: the cores, at most ${MAX_THREADS},
                          for files of 64 MiB of values or more; one when the machine is saturated); the report
                          is the same for any number
  -h, --help              show this help

Exit codes: 0 inspected, 2 could not run (unreadable or malformed file, bad option).
`;

/** A tensor-name glob as a regular expression: * is any run of characters, ? one character. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body}$`);
}

function parseSchemes(text: string | boolean | undefined): SchemeName[] {
  if (text === undefined) return DEFAULT_SCHEMES;
  if (typeof text !== "string" || text.trim() === "") throw new UsageError("inspect: --schemes needs a comma-separated list");
  if (text === "all") return [...SCHEMES];
  const names = text.split(",").map((s) => s.trim());
  for (const n of names) if (!isScheme(n)) throw new UsageError(`inspect: unknown scheme ${JSON.stringify(n)}; choose from ${SCHEMES.join(", ")}`);
  return [...new Set(names)] as SchemeName[];
}

function parseThreads(text: string | boolean | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = typeof text === "string" && /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_THREADS)) throw new UsageError(`inspect: --threads takes a whole number from 1 to ${MAX_THREADS}, not ${JSON.stringify(text)}`);
  return n;
}

function formatBytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
}

function formatTable(report: InspectReport, schemes: SchemeName[]): string {
  const header = ["tensor", "dtype", "shape", "params", "bytes", ...schemes.map((s) => `${s} SQNR dB`)];
  const rows = report.tensors.map((t) => [
    t.name,
    t.dtype,
    `[${t.shape.join(", ")}]`,
    t.params.toLocaleString("en-US"),
    formatBytes(t.bytes),
    ...schemes.map((s) => {
      const r = t.schemes[s];
      if (!r) return "—";
      return r.sqnrDb === null ? (r.mse === 0 ? "exact" : "—") : r.sqnrDb.toFixed(1);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const totals = [
    `${report.tensors.length} tensors, ${report.totals.params.toLocaleString("en-US")} parameters, ${formatBytes(report.totals.bytes)} stored (${report.format})`,
    ...schemes.map((s) => {
      const b = report.totals.schemes[s]?.bytes;
      return b === undefined ? `  ${s}: —` : `  ${s}: ${formatBytes(b)} (${(b / 2 ** 30).toFixed(3)} GiB)`;
    }),
  ];
  const notes = report.tensors.filter((t) => t.note).map((t) => `  ${t.name}: ${t.note}`);
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), "", ...totals, ...(notes.length ? ["", "notes:", ...notes] : []), ""].join("\n");
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatCsv(report: InspectReport, schemes: SchemeName[]): string {
  const fields = ["mse", "sqnrDb", "maxAbsError", "bytes"] as const;
  const header = ["name", "dtype", "shape", "params", "bytes", ...schemes.flatMap((s) => fields.map((f) => `${s}.${f}`))];
  const rows = report.tensors.map((t) => [t.name, t.dtype, t.shape.join("x"), t.params, t.bytes, ...schemes.flatMap((s) => fields.map((f) => t.schemes[s]?.[f]))]);
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

/** A one-line progress bar redrawn on stderr (terminals only), at most ten times a second. */
function progressBar(io: CliIo): { update(done: number, total: number): void; clear(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (!io.isTerminal || now - last < 100 || total === 0) return;
      last = now;
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      io.stderr(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% of ${formatBytes(total / 2)} read twice`);
      drawn = true;
    },
    clear() {
      if (drawn) io.stderr("\r\x1b[K");
    },
  };
}

export async function inspectCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("inspect", args, {
    schemes: { type: "string" },
    tensors: { type: "string" },
    format: { type: "string", short: "f" },
    threads: { type: "string" },
  });
  if (values.help) {
    io.stdout(INSPECT_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError("inspect: give exactly one model file; see `compression-tutor inspect --help`");
  const format = choice("inspect", "format", values.format, FORMATS, "table");
  const schemes = parseSchemes(values.schemes);
  const glob = typeof values.tensors === "string" ? globToRegExp(values.tensors) : undefined;
  const threads = parseThreads(values.threads);
  const given = positionals[0];
  const absolute = path.resolve(io.cwd, given);
  const bar = progressBar(io);
  let report: InspectReport;
  try {
    report = await inspectModelFile(absolute, given, { schemes, filter: glob && ((name) => glob.test(name)), onProgress: bar.update, threads });
  } catch (error) {
    if (error instanceof ModelFileError || error instanceof Error) throw new UsageError(`inspect: ${error.message.split("\n")[0]}`);
    throw error;
  } finally {
    bar.clear();
  }
  if (glob && report.tensors.length === 0) throw new UsageError(`inspect: no tensor of ${given} matches ${JSON.stringify(values.tensors)}`);
  if (format === "json") io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === "csv") io.stdout(formatCsv(report, schemes));
  else io.stdout(formatTable(report, schemes));
  return EXIT_OK;
}
