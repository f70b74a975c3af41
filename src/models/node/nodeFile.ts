/** The Node implementation of ModelFile: positioned reads on an open file descriptor, nothing buffered. */
import fs from "node:fs";
import path from "node:path";
import { ModelFile, ModelFileError, OpenSibling } from "../file";

export interface NodeModelFile extends ModelFile {
  close(): Promise<void>;
}

export async function openNodeFile(file: string, displayName = file): Promise<NodeModelFile> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, "r");
  } catch (error) {
    throw new ModelFileError(displayName, undefined, `cannot open: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new ModelFileError(displayName, undefined, "not a regular file");
  }
  return {
    name: displayName,
    size: stat.size,
    async read(position, length, into) {
      const n = Math.max(0, Math.min(length, stat.size - position));
      const buffer = into ? into.subarray(0, n) : new Uint8Array(n);
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, position + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === buffer.length ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/** Opens files next to `file`, closing every one of them when `closeAll` is called. */
export function siblingOpener(file: string, displayName = file): { open: OpenSibling; closeAll(): Promise<void> } {
  const opened: NodeModelFile[] = [];
  return {
    open: async (relative) => {
      if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes("..")) {
        throw new ModelFileError(displayName, undefined, `refuses shard path ${JSON.stringify(relative)} outside the checkpoint's folder`);
      }
      const f = await openNodeFile(path.join(path.dirname(file), relative), path.join(path.dirname(displayName), relative));
      opened.push(f);
      return f;
    },
    closeAll: async () => {
      await Promise.all(opened.map((f) => f.close()));
    },
  };
}
