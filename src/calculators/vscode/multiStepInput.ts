/**
 * Asks a calculator's fields one step at a time, after the quickinput-sample's `multiStepInput.ts`: "2/5" in
 * the title bar, a Back button from the second step on, and the field's message shown under the input box
 * while typing, so nonsense is named before Enter (Enter on an invalid value does nothing).
 * Fields that do not apply (a group size for fp16) are skipped, and the step count follows.
 */
import * as vscode from "vscode";
import { type Calculator, type CalculatorField, type FieldValue, fieldApplies, readField } from "../calculator";
import { remainingSteps, valuesOf } from "../stepPlan";

type StepOutcome = { kind: "answer"; text: string } | { kind: "back" } | { kind: "cancel" };

interface StepView {
  title: string;
  step: number;
  totalSteps: number;
  text: string;
  canGoBack: boolean;
  earlier: Readonly<Record<string, FieldValue | undefined>>;
}

/**
 * Walks the fields starting from `initialTexts` (remembered defaults). Resolves with the text of every field
 * that was asked, or undefined when the person cancels (Escape, or focus moved away with nothing accepted).
 */
export async function askFields(calculator: Calculator, initialTexts: Readonly<Record<string, string>>): Promise<Record<string, string> | undefined> {
  const fields = calculator.fields;
  const texts: Record<string, string> = {};
  for (const field of fields) texts[field.key] = initialTexts[field.key] ?? field.defaultText;
  const asked: number[] = [];
  const session = new InputSession();
  try {
    let index = 0;
    while (index < fields.length) {
      const field = fields[index];
      const earlier = valuesOf(fields, asked, texts);
      if (!fieldApplies(field, earlier)) {
        index++;
        continue;
      }
      const step = asked.length + 1;
      const outcome = await session.show(field, {
        title: calculator.title,
        step,
        totalSteps: step - 1 + remainingSteps(fields, index, earlier, texts),
        text: texts[field.key],
        canGoBack: asked.length > 0,
        earlier,
      });
      if (outcome.kind === "cancel") return undefined;
      if (outcome.kind === "back") {
        index = asked.pop() ?? 0;
        continue;
      }
      texts[field.key] = outcome.text;
      asked.push(index);
      index++;
    }
    return Object.fromEntries(asked.map((i) => [fields[i].key, texts[fields[i].key]]));
  } finally {
    session.dispose();
  }
}

/** One quick input on screen at a time; the previous one is disposed when the next is shown. */
class InputSession implements vscode.Disposable {
  private current: vscode.QuickInput | undefined;

  show(field: CalculatorField, view: StepView): Promise<StepOutcome> {
    return field.choices ? this.pick(field, view) : this.type(field, view);
  }

  private async type(field: CalculatorField, view: StepView): Promise<StepOutcome> {
    const input = vscode.window.createInputBox();
    const listeners: vscode.Disposable[] = [];
    try {
      return await new Promise<StepOutcome>((resolve) => {
        this.decorate(input, field, view);
        input.value = view.text;
        input.prompt = field.prompt;
        input.placeholder = field.placeholder;
        const messageFor = (text: string): string | undefined => {
          const read = readField(field, text, view.earlier);
          return read.ok ? undefined : read.message;
        };
        input.validationMessage = view.text === "" ? undefined : messageFor(view.text);
        listeners.push(
          input.onDidChangeValue((text) => (input.validationMessage = messageFor(text))),
          input.onDidAccept(() => {
            const message = messageFor(input.value);
            input.validationMessage = message;
            if (message === undefined) resolve({ kind: "answer", text: input.value });
          }),
          input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && resolve({ kind: "back" })),
          input.onDidHide(() => resolve({ kind: "cancel" })),
        );
        this.replaceWith(input);
      });
    } finally {
      for (const listener of listeners) listener.dispose();
    }
  }

  private async pick(field: CalculatorField, view: StepView): Promise<StepOutcome> {
    const input = vscode.window.createQuickPick<vscode.QuickPickItem & { value: string }>();
    const listeners: vscode.Disposable[] = [];
    try {
      return await new Promise<StepOutcome>((resolve) => {
        this.decorate(input, field, view);
        input.placeholder = field.prompt;
        input.items = (field.choices ?? []).map((choice) => ({ label: choice.label, description: choice.detail, value: choice.value }));
        const active = input.items.find((item) => item.value.toLowerCase() === view.text.toLowerCase());
        if (active) input.activeItems = [active];
        listeners.push(
          input.onDidAccept(() => {
            const chosen = input.selectedItems[0] ?? input.activeItems[0];
            if (chosen) resolve({ kind: "answer", text: chosen.value });
          }),
          input.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && resolve({ kind: "back" })),
          input.onDidHide(() => resolve({ kind: "cancel" })),
        );
        this.replaceWith(input);
      });
    } finally {
      for (const listener of listeners) listener.dispose();
    }
  }

  private decorate(input: vscode.QuickInput & { buttons: readonly vscode.QuickInputButton[] }, field: CalculatorField, view: StepView): void {
    input.title = `${view.title}: ${field.title}`;
    input.step = view.step;
    input.totalSteps = view.totalSteps;
    input.ignoreFocusOut = true;
    input.buttons = view.canGoBack ? [vscode.QuickInputButtons.Back] : [];
  }

  private replaceWith(input: vscode.QuickInput): void {
    // The old input's listeners are already gone, so disposing it does not read as a cancel.
    this.current?.dispose();
    this.current = input;
    input.show();
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
  }
}
