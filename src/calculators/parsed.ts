/**
 * The outcome of reading one field: a value, or a message that names the field, says what is wrong and shows
 * what was typed ("temperature must be greater than 0 (got -1)"). The palette shows the message live under the
 * input box; the CLI prints it and exits 2.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function reject<T = never>(message: string): Parsed<T> {
  return { ok: false, message };
}

/** How a typed value is quoted in a message: short, and visibly empty when it was empty. */
export function shown(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "nothing";
  return trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed;
}
