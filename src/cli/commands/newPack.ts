/**
 * `compression-tutor new-pack <dir> [--id <id>] [--title <title>]`: creates a pack folder with one complete
 * exercise that validates, as a starting point for an instructor. Never overwrites: the folder must be new or
 * empty.
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import { CORE_VERSION } from "../../core";
import { packIdFrom, scaffoldPack, titleFrom } from "../../packs/scaffold";
import { EXIT_OK, UsageError, type CliIo } from "../io";
import { parseOptions } from "../parseOptions";
import { displayPath } from "./validate";

export const NEW_PACK_HELP = `Usage: compression-tutor new-pack <dir> [options]

Creates <dir> with pack.json and one complete exercise (prompt, starter, reference, misconceptions, checks
with written and generated cases) that validates. Nothing is overwritten: <dir> must be new or empty.

Options:
  --id <pack-id>   the pack's id (default: from the folder's name)
  --title <title>  the pack's title (default: from the id)
  -h, --help       show this help

Then: compression-tutor validate <dir>
`;

export async function newPackCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("new-pack", args, { id: { type: "string" }, title: { type: "string" } });
  if (values.help) {
    io.stdout(NEW_PACK_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw new UsageError(`new-pack: give exactly one folder to create (got ${positionals.length}); see \`compression-tutor new-pack --help\``);
  const dir = path.resolve(io.cwd, positionals[0]);
  const id = typeof values.id === "string" ? values.id : packIdFrom(path.basename(dir));
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
    throw new UsageError(`new-pack: "${id}" cannot be a pack id; pass --id with lowercase letters, digits and dashes (e.g. --id my-course)`);
  const existing = await fsp.readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? [] : error));
  if (existing instanceof Error) throw new UsageError(`new-pack: cannot use ${positionals[0]}: ${existing.message}`);
  if (existing.length > 0) throw new UsageError(`new-pack: ${positionals[0]} already exists and is not empty; choose a new folder (nothing was written)`);

  const title = typeof values.title === "string" ? values.title : titleFrom(id);
  const files = scaffoldPack({ id, title, coreVersion: CORE_VERSION });
  for (const file of files) {
    const target = path.join(dir, ...file.path.split("/"));
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, file.text, { flag: "wx" });
  }
  const shown = displayPath(io.cwd, dir);
  io.stdout(
    [
      `created pack "${id}" in ${shown}:`,
      ...files.map((f) => `  ${f.path}`),
      ``,
      `next: edit ${path.join(shown, "pack.json")} (title, authors, license), then`,
      `  compression-tutor validate ${shown}`,
      ``,
    ].join("\n"),
  );
  return EXIT_OK;
}
