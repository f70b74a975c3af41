import type { CheckReport } from "../../src/protocol/checkReport";
import { element } from "./dom";
import { groupFailures, type FailureGroup, type ShownValue } from "./failureGroups";
import * as l10n from "../shared/l10n";

/**
 * The failing cases, one block per misconception (its message once, above its rows), each row input /
 * expected / yours / difference. The table has fixed column shares and wraps inside cells, so it reads in a
 * 380 px panel beside the editor as well as at full width. Every shortened value carries its exact form in
 * `data-full` (tooltip, and the clipboard through `copyFullValues`).
 */
export function failuresSection(report: CheckReport): HTMLElement | undefined {
  const groups = groupFailures(report.cases);
  if (groups.length === 0) return undefined;
  const section = element("section", undefined, "failures");
  section.id = "failures";
  section.setAttribute("aria-label", l10n.t("Failing cases"));
  const shownGroups = groups.slice(0, 12);
  shownGroups.forEach((group, index) => section.append(groupBlock(group, index === 0 ? "cases" : undefined)));
  const hiddenRows = groups.slice(12).reduce((n, g) => n + g.rows.length, 0);
  if (hiddenRows > 0) section.append(element("p", l10n.t("… and {0} more failing cases (the Test Explorer lists them all).", hiddenRows), "muted"));
  return section;
}

const MAX_ROWS = 30;

function groupBlock(group: FailureGroup, tableId: string | undefined): HTMLElement {
  const block = element("div", undefined, `failure-group ${group.kind}`);
  block.dataset.group = group.key;
  const heading = element("p", undefined, "group-message");
  const count = group.rows.length === 1 ? "1 case" : `${group.rows.length} cases`;
  const lead = group.kind === "misconception" ? l10n.t("{0} · Likely misconception: ", count) : group.kind === "error" ? l10n.t("{0} could not run: ", count) : `${count} · `;
  heading.append(element("strong", lead), element("span", group.message, "message"));
  block.append(heading);

  const table = element("table", undefined, "failure-table");
  if (tableId) table.id = tableId;
  const colgroup = element("colgroup");
  for (const name of ["input", "expected", "yours", "difference"]) colgroup.append(element("col", undefined, `col-${name}`));
  table.append(colgroup);
  const headRow = element("tr");
  for (const name of ["input", "expected", "yours", "difference"]) {
    const th = element("th", name);
    th.scope = "col";
    headRow.append(th);
  }
  table.createTHead().append(headRow);
  const body = element("tbody");
  for (const row of group.rows.slice(0, MAX_ROWS)) {
    const tr = element("tr", undefined, row.status);
    tr.dataset.case = row.caseId;
    const input = element("td", undefined, "input");
    input.append(element("div", row.name, "case-name"));
    if (row.input.text !== "()" && !row.name.includes(row.input.text)) input.append(valueNode(row.input));
    tr.append(input, valueCell(row.expected, "expected"), valueCell(row.yours, "yours"), valueCell(row.difference, "difference"));
    body.append(tr);
    if (row.note) {
      const noteRow = element("tr", undefined, "note");
      const cell = element("td", row.note);
      cell.colSpan = 4;
      noteRow.append(cell);
      body.append(noteRow);
    }
  }
  table.append(body);
  block.append(table);
  if (group.rows.length > MAX_ROWS) block.append(element("p", `… and ${group.rows.length - MAX_ROWS} more with this misconception.`, "muted"));
  return block;
}

function valueCell(value: ShownValue, className: string): HTMLTableCellElement {
  const cell = element("td", undefined, `value ${className}`);
  cell.append(valueNode(value));
  return cell;
}

function valueNode(value: ShownValue): HTMLElement {
  const node = element("code", value.text, "num");
  if (value.full && value.full !== value.text) {
    node.dataset.full = value.full;
    node.title = value.full;
  }
  return node;
}

/**
 * Copying a selection that covers shortened numbers puts their exact values on the clipboard: what a learner
 * pastes into a REPL is the number the check compared, not its 4-digit rounding.
 */
export function copyFullValues(event: ClipboardEvent): void {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !event.clipboardData) return;
  const fragment = selection.getRangeAt(0).cloneContents();
  const shortened = fragment.querySelectorAll<HTMLElement>("[data-full]");
  if (shortened.length === 0) return;
  for (const node of shortened) node.textContent = node.dataset.full ?? node.textContent;
  const rows = [...fragment.querySelectorAll("tr")];
  const text = rows.length > 0 ? rows.map((tr) => [...tr.cells].map((td) => td.textContent?.trim() ?? "").join("\t")).join("\n") : (fragment.textContent ?? "");
  event.clipboardData.setData("text/plain", text);
  event.preventDefault();
}
