/**
 * Real form controls with labels (keyboard and screen readers work as with any form): a range with its value
 * in an <output>, a select, a number, a text field. Text goes in through textContent only.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A labelled field: the label's `for` names the control; an optional hint is tied with aria-describedby. */
export function field(id: string, label: string, control: HTMLElement, extra?: HTMLElement, hint?: string): HTMLDivElement {
  const wrap = el("div", undefined, "field");
  const labelNode = el("label", label);
  labelNode.htmlFor = id;
  control.id = id;
  wrap.append(labelNode);
  const row = el("div", undefined, "control-row");
  row.append(control);
  if (extra) row.append(extra);
  wrap.append(row);
  if (hint) {
    const hintNode = el("p", hint, "hint");
    hintNode.id = `${id}-hint`;
    control.setAttribute("aria-describedby", hintNode.id);
    wrap.append(hintNode);
  }
  return wrap;
}

export interface RangeControl {
  input: HTMLInputElement;
  output: HTMLOutputElement;
  set(value: number): void;
}

export function rangeControl(limits: { min: number; max: number; step: number }, format: (v: number) => string, onInput: (v: number) => void): RangeControl {
  const input = el("input");
  input.type = "range";
  input.min = String(limits.min);
  input.max = String(limits.max);
  input.step = String(limits.step);
  const output = el("output");
  const show = () => {
    output.textContent = format(Number(input.value));
    input.setAttribute("aria-valuetext", output.textContent);
  };
  input.addEventListener("input", () => {
    show();
    onInput(Number(input.value));
  });
  return {
    input,
    output,
    set(value: number) {
      input.value = String(value);
      show();
    },
  };
}

export function selectControl<T extends string>(options: readonly { value: T; label: string }[], onChange: (v: T) => void): HTMLSelectElement {
  const select = el("select");
  setOptions(select, options);
  select.addEventListener("change", () => onChange(select.value as T));
  return select;
}

export function setOptions(select: HTMLSelectElement, options: readonly { value: string; label: string }[]): void {
  const value = select.value;
  select.replaceChildren(
    ...options.map((o) => {
      const option = el("option", o.label);
      option.value = o.value;
      return option;
    }),
  );
  if (options.some((o) => o.value === value)) select.value = value;
}

export function numberControl(limits: { min: number; max: number }, onChange: (v: number) => void): HTMLInputElement {
  const input = el("input");
  input.type = "number";
  input.min = String(limits.min);
  input.max = String(limits.max);
  input.step = "1";
  input.addEventListener("change", () => {
    const v = Number(input.value);
    const ok = input.value.trim() !== "" && Number.isInteger(v) && v >= limits.min && v <= limits.max;
    input.setAttribute("aria-invalid", String(!ok));
    if (ok) onChange(v);
  });
  return input;
}

/** A table of labelled numbers; each value cell keeps the full-precision number in data-value. */
export class NumbersTable {
  readonly table = el("table", undefined, "numbers");
  private readonly cells = new Map<string, HTMLTableCellElement>();

  constructor(caption: string, rows: { id: string; label: string }[]) {
    this.table.append(el("caption", caption));
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr");
      const th = el("th", row.label);
      th.scope = "row";
      const td = el("td");
      td.id = row.id;
      this.cells.set(row.id, td);
      tr.append(th, td);
      body.append(tr);
    }
    this.table.append(body);
  }

  set(id: string, value: number, text: string): void {
    const cell = this.cells.get(id)!;
    cell.textContent = text;
    cell.dataset.value = String(value);
  }
}

/** Six significant digits, exponent form for tiny and huge values. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return v.toExponential(4);
  return String(Number(v.toPrecision(6)));
}
