/**
 * Messages between the extension and the playground webview. The webview keeps its own state (setState) and
 * asks with `ready`; the extension answers with what a command asked for: a preset, or a tensor to explore.
 */

/** A tensor as it crosses into the webview: row-major values and a shape whose product is their count. */
export interface PlaygroundTensor {
  name: string;
  shape: number[];
  values: number[];
}

/** The most values a tensor sent to the playground may hold (a 1024 × 1024 matrix). */
export const PLAYGROUND_MAX_VALUES = 1 << 20;

export type ToPlaygroundMessage =
  /** Apply a preset by its id (an exercise id of the built-in pack names its preset too). */
  | { type: "applyPreset"; preset: string }
  /**
   * Explore this tensor on the quantization tab. `restored`: the tensor the panel had before a reload, which
   * the extension keeps on disk; the webview takes it back without switching to it.
   */
  | { type: "loadTensor"; tensor: PlaygroundTensor; restored?: boolean }
  /** The settings the extension kept (the webview takes them when they are newer than its own saved state). */
  | { type: "restoreState"; state: unknown; savedAt: number };

export type FromPlaygroundMessage =
  | { type: "ready" }
  /** Put this TypeScript on the clipboard ("Copy as snippet"). */
  | { type: "copySnippet"; text: string }
  /**
   * The settings changed (not a custom tensor's values). VS Code writes a webview's own saved state with the
   * window's layout, which a reload can outrun; the extension keeps this copy in workspace state as well.
   */
  | { type: "saveState"; state: unknown; savedAt: number };
