import assert from "node:assert/strict";
import {
  parseAlpha,
  parseBits,
  parseChoice,
  parseCount,
  parseList,
  parseNumber,
  parsePositiveInteger,
  parseProbabilities,
  parseTemperature,
  parseTemperatureFor,
} from "../../../src/calculators/parseInput";
import type { Parsed } from "../../../src/calculators/parsed";

function value<T>(read: Parsed<T>): T {
  if (!read.ok) assert.fail(`expected a value, got the message "${read.message}"`);
  return read.value;
}

function message<T>(read: Parsed<T>): string {
  if (read.ok) assert.fail(`expected a message, got the value ${JSON.stringify(read.value)}`);
  return read.message;
}

describe("parseNumber", () => {
  it('reads "0.5", "-3", ".25", "1e-3" and " 2 "', () => {
    assert.deepEqual(["0.5", "-3", ".25", "1e-3", " 2 "].map((t) => value(parseNumber("x", t))), [0.5, -3, 0.25, 0.001, 2]);
  });
  it('rejects "abc", "1..2", "0x10", "Infinity" and "NaN", naming the field and what was typed', () => {
    for (const text of ["abc", "1..2", "0x10", "Infinity", "NaN"]) {
      assert.equal(message(parseNumber("scale", text)), `scale must be a number such as 0.5 or 1e-3 (got ${text})`);
    }
  });
  it("says an empty field is required", () => {
    assert.match(message(parseNumber("scale", "  ")), /^scale is required/);
  });
  it('rejects "1e999", which overflows to Infinity', () => {
    assert.match(message(parseNumber("x", "1e999")), /too large/);
  });
});

describe("parseCount", () => {
  it('reads "7B", "13e9", "20M", "1.5T", "350k" and "7_000_000_000"', () => {
    assert.deepEqual(
      ["7B", "13e9", "20M", "1.5T", "350k", "7_000_000_000"].map((t) => value(parseCount("params", t))),
      [7e9, 13e9, 20e6, 1.5e12, 350e3, 7e9],
    );
  });
  it('reads "7.25B" as exactly 7250000000 and "0.1B" as exactly 100000000', () => {
    assert.equal(value(parseCount("params", "7.25B")), 7_250_000_000);
    assert.equal(value(parseCount("params", "0.1B")), 100_000_000);
  });
  it('rejects "7X", "-7B", "0" and "1.5" (not whole)', () => {
    assert.match(message(parseCount("params", "7X")), /params must be a count such as 7B.*\(got 7X\)/);
    assert.match(message(parseCount("params", "-7B")), /params must be a count/);
    assert.equal(message(parseCount("params", "0")), "params must be greater than 0 (got 0)");
    assert.match(message(parseCount("params", "1.5")), /params must be a whole number/);
  });
});

describe("parseList", () => {
  it('reads "2, 1, 0.1", "[2,1,0.1]" and "2 1 0.1" alike', () => {
    for (const text of ["2, 1, 0.1", "[2,1,0.1]", "2 1 0.1", " [ 2 , 1 , 0.1 ] "]) assert.deepEqual(value(parseList("logits", text)), [2, 1, 0.1]);
  });
  it("names the item that is not a number", () => {
    assert.equal(message(parseList("logits", "2, x, 1")), "logits item 2 must be a number such as 0.5 or 1e-3 (got x)");
  });
  it("rejects an empty list, an empty item and an unbalanced bracket", () => {
    assert.match(message(parseList("logits", "[]")), /logits needs at least one number/);
    assert.match(message(parseList("logits", "1,,2")), /empty item at position 2/);
    assert.match(message(parseList("logits", "[1, 2")), /unbalanced bracket/);
  });
});

describe("parseProbabilities", () => {
  it("accepts a vector summing to 1 within 1e-6", () => {
    assert.deepEqual(value(parseProbabilities("p", "0.7, 0.3")), [0.7, 0.3]);
    assert.deepEqual(value(parseProbabilities("p", "0.3333333, 0.3333333, 0.3333334")), [0.3333333, 0.3333333, 0.3333334]);
  });
  it("says by how much a vector does not sum to 1", () => {
    assert.equal(message(parseProbabilities("p", "0.7, 0.2")), "p must sum to 1 but sums to 0.9 (under by 0.1)");
    assert.equal(message(parseProbabilities("q", "0.7, 0.5")), "q must sum to 1 but sums to 1.2 (over by 0.2)");
  });
  it("names an item outside [0, 1]", () => {
    assert.equal(message(parseProbabilities("p", "1.2, -0.2")), "p item 1 must be a probability between 0 and 1 (got 1.2)");
  });
});

describe("parseBits, parseTemperature, parseAlpha, parsePositiveInteger", () => {
  it("parseBits accepts 1 and 32, rejects 0, 33 and 4.5", () => {
    assert.equal(value(parseBits("bits", "1")), 1);
    assert.equal(value(parseBits("bits", "32")), 32);
    for (const text of ["0", "33", "4.5"]) assert.equal(message(parseBits("bits", text)), `bits must be a whole number from 1 to 32 (got ${text})`);
  });
  it('parseTemperature("-1") says temperature must be greater than 0 (got -1)', () => {
    assert.equal(message(parseTemperature("temperature", "-1")), "temperature must be greater than 0 (got -1)");
    assert.equal(message(parseTemperature("temperature", "0")), "temperature must be greater than 0 (got 0)");
    assert.equal(value(parseTemperature("temperature", "0.5")), 0.5);
    assert.match(message(parseTemperature("temperature", "1e200")), /temperature must be at most 1e150/);
  });
  it("parseTemperatureFor refuses a temperature so small that logits / T overflows, saying the smallest it allows", () => {
    assert.match(message(parseTemperatureFor("temperature", "5e-324", [[2, 1, 0.1]])), /^temperature is too small for these logits: logits \/ T overflows \(got 5e-324; use at least 1\.12e-308\)$/);
    assert.equal(value(parseTemperatureFor("temperature", "1e-300", [[2, 1, 0.1]])), 1e-300);
  });
  it("parseAlpha accepts 0 and 1, rejects 1.5 and -0.1", () => {
    assert.equal(value(parseAlpha("alpha", "0")), 0);
    assert.equal(value(parseAlpha("alpha", "1")), 1);
    assert.equal(message(parseAlpha("alpha", "1.5")), "alpha must be between 0 and 1 (got 1.5)");
    assert.equal(message(parseAlpha("alpha", "-0.1")), "alpha must be between 0 and 1 (got -0.1)");
  });
  it("parsePositiveInteger rejects 0", () => {
    assert.equal(message(parsePositiveInteger("group size", "0")), "group size must be a whole number of at least 1 (got 0)");
  });
});

describe("parseChoice", () => {
  it("matches case-insensitively and lists the choices when nothing matches", () => {
    assert.equal(value(parseChoice("format", "NF4", ["int4", "nf4"])), "nf4");
    assert.equal(message(parseChoice("format", "int3", ["int4", "nf4"])), "format must be one of int4, nf4 (got int3)");
  });
});
