import { Disposable } from "../extension/disposable";

/**
 * The one panel of a kind (the results panel, the playground, an inspection): putting a new one in disposes the
 * one before, a panel that closes empties the slot, and disposing the slot disposes its panel. Owned by the
 * context, so no panel lives in module state.
 */
export class PanelSlot<P extends Disposable> extends Disposable {
  private panel: P | undefined;

  get current(): P | undefined {
    return this.panel;
  }

  set(panel: P): P {
    if (this.panel !== panel) this.panel?.dispose();
    this.panel = panel;
    panel.register({
      dispose: () => {
        if (this.panel === panel) this.panel = undefined;
      },
    });
    return panel;
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
