/** "an array", "a number", "null": how messages name the kind of value a learner returned. */
export function typeNameOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
