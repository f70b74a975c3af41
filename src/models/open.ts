/** Opens a model file of any supported format: by its name first, by its first bytes otherwise. */
import { ModelFile, ModelFileError, OpenSibling, readExactly } from "./file";
import { readGguf } from "./gguf";
import { readNpy } from "./npy";
import { readNpz } from "./npz";
import { readSafetensors, readShardedSafetensors } from "./safetensors";
import { ModelIndex } from "./tensor";

export const MODEL_FILE_EXTENSIONS = [".safetensors", ".gguf", ".npy", ".npz", ".safetensors.index.json"] as const;

export async function openModel(file: ModelFile, openSibling: OpenSibling): Promise<ModelIndex> {
  const lower = file.name.toLowerCase();
  if (lower.endsWith(".index.json")) return readShardedSafetensors(file, openSibling);
  if (lower.endsWith(".safetensors")) return readSafetensors(file);
  if (lower.endsWith(".gguf")) return readGguf(file);
  if (lower.endsWith(".npy")) return { format: "npy", tensors: [await readNpy(file)], metadata: {} };
  if (lower.endsWith(".npz")) return { format: "npz", tensors: await readNpz(file), metadata: {} };
  const head = await readExactly(file, 0, Math.min(8, file.size), "the first bytes");
  const text = String.fromCharCode(...head);
  if (text.startsWith("GGUF")) return readGguf(file);
  if (text.startsWith("\x93NUMPY")) return { format: "npy", tensors: [await readNpy(file)], metadata: {} };
  if (text.startsWith("PK\x03\x04")) return { format: "npz", tensors: await readNpz(file), metadata: {} };
  if (file.size >= 8) return readSafetensors(file);
  throw new ModelFileError(file.name, 0, `not a model file this reader knows (${MODEL_FILE_EXTENSIONS.join(", ")})`);
}
