export declare const KERNELS_ENTRY: string;
export declare function compileKernels(): Promise<Uint8Array>;
export declare function buildKernels(out?: string): Promise<string>;
