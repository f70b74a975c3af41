/**
 * Nonsense in, a message out: every calculator, given arbitrary text or numbers in every field, either
 * computes finite figures or refuses with a field's own message. A refusal that comes from the compute core
 * instead (prefixed "<calculator>: ") would mean a field let through something it should have named.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { CALCULATOR_IDS } from "../../../src/calculators/calculator";
import { CALCULATORS } from "../../../src/calculators/calculators";
import type { RawValue } from "../../../src/calculators/readInputs";
import { runCalculator } from "../../../src/calculators/runCalculator";

/** Text people plausibly type, plus edges: huge, tiny, negative, lists, words, empty. */
const fieldText: fc.Arbitrary<RawValue> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -300, max: 300 }),
  fc.constantFrom("", "0", "-1", "1e308", "-1e308", "5e-324", "1e-300", "7B", "1.5T", "0.5", "1", "2", "33", "[1, 2]", "0.5, 0.5", "1, 0", "[]", "int4", "fp16", "add", "yes", "signed", "unsigned", "dequantize", "symmetric", "half-away", "2", "e"),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 4 }),
);

function finiteEverywhere(value: unknown): boolean {
  if (typeof value === "number") return !Number.isNaN(value);
  if (Array.isArray(value)) return value.every(finiteEverywhere);
  if (value && typeof value === "object") return Object.values(value).every(finiteEverywhere);
  return true;
}

describe("calculators given nonsense", () => {
  for (const id of CALCULATOR_IDS) {
    it(`${id}: any field values give a result without NaN or a field's message, never a throw`, () => {
      const calculator = CALCULATORS[id];
      const keys = calculator.fields.map((field) => field.key);
      const given = fc.record(Object.fromEntries(keys.map((key) => [key, fieldText])) as Record<string, fc.Arbitrary<RawValue>>, { requiredKeys: [] });
      fc.assert(
        fc.property(given, (inputs) => {
          const outcome = runCalculator(calculator, inputs);
          if (outcome.ok) {
            assert.ok(finiteEverywhere(outcome.value.values), `NaN in ${JSON.stringify(outcome.value.values)} for ${JSON.stringify(inputs)}`);
            return;
          }
          const namesField = keys.some((key) => outcome.message.startsWith(`${key}: `) || outcome.message.startsWith(`${key} does not apply`));
          assert.ok(namesField, `the refusal "${outcome.message}" names no field, for ${JSON.stringify(inputs)}`);
        }),
        { numRuns: 300, seed: 20261127 },
      );
    });
  }
});
