/**
 * The part of the WebAssembly JavaScript API this code uses, as Node provides it. TypeScript declares
 * WebAssembly only in the DOM library and @types/node 20 does not declare it; the Node-side projects
 * (tsconfig.node.json, tsconfig.extension.json) must not see the DOM, so they read these declarations instead.
 * The webviews' project has the DOM's full declarations and does not include this file.
 */
declare namespace WebAssembly {
  interface MemoryDescriptor {
    initial: number;
    maximum?: number;
    shared?: boolean;
  }
  class Memory {
    constructor(descriptor: MemoryDescriptor);
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  class Module {
    constructor(bytes: BufferSource);
  }
  type ImportValue = Function | Memory | number;
  type Imports = Record<string, Record<string, ImportValue>>;
  type Exports = Record<string, Function | Memory>;
  class Instance {
    constructor(module: Module, imports?: Imports);
    readonly exports: Exports;
  }
  function compile(bytes: BufferSource): Promise<Module>;
}

type BufferSource = ArrayBufferView | ArrayBuffer;
