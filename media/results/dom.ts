/** Creates an element with text set through textContent: nothing from a model is ever parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function button(label: string, onClick: () => void, options: { id?: string; disabled?: boolean; title?: string; primary?: boolean } = {}): HTMLButtonElement {
  const node = element("button", label, options.primary ? "primary" : "secondary");
  node.type = "button";
  if (options.id) node.id = options.id;
  if (options.title) node.title = options.title;
  node.disabled = Boolean(options.disabled);
  node.addEventListener("click", onClick);
  return node;
}

/** A two-column table of labelled values (row headers for screen readers), text only. */
export function factsTable(facts: { label: string; value: string }[]): HTMLTableElement {
  const table = element("table", undefined, "facts");
  const body = element("tbody");
  for (const fact of facts) {
    const row = element("tr");
    const label = element("th", fact.label);
    label.scope = "row";
    row.append(label, element("td", fact.value));
    body.append(row);
  }
  table.append(body);
  return table;
}
