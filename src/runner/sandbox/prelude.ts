/**
 * The JavaScript that runs inside each fresh QuickJS runtime before the learner's bundle: a console that
 * prints nowhere (it only counts characters), the CommonJS `module` the bundle fills, and the functions
 * the sandbox calls through the bridge:
 *
 * - `load(wrapper)` runs the bundle's top-level code, answering "loaded" or a `threw` outcome as JSON;
 * - `call(name, argsJson)` calls `module.exports[name]` with arguments parsed from JSON and answers with an
 *   outcome as JSON text (or "pending" for a promise, whose outcome `settled()` gives once it settles, "" before);
 * - `encode(value)` (inside `call`) turns the returned value into text: numbers keep NaN, ±Infinity and -0,
 *   typed arrays become arrays, plain objects keep their keys (even `__proto__`), anything else is refused
 *   with a sentence, and the size is counted against the call's budget (the smaller of the per-call and
 *   what is left of the run's) so a 38 MB answer is named as such instead of being copied.
 *
 * Everything here captures the built-ins it needs before the learner's code runs. The learner's code shares
 * this realm and can still break these functions for its own results; that gains nothing, since the sandbox
 * treats the text that comes out as untrusted (see resultCodec.ts) and the learner controls its own answers
 * anyway. Nothing in the runtime can reach the host: QuickJS has no host objects, and this bridge only ever
 * hands strings across.
 *
 * Encoded values: JSON numbers, strings, booleans, null and arrays stand for themselves; objects are tagged:
 * `{"$":"n","v":"NaN"|"Infinity"|"-Infinity"|"-0"}`, `{"$":"u"}` (undefined), `{"$":"o","k":[keys],"v":[values]}`,
 * and `{"$":"t","i":index,"type":"Float32Array","offset":bytes,"length":n}` for a typed array whose bytes the
 * sandbox copies out of the runtime's memory.
 */
export const PRELUDE_SOURCE = String.raw`(function () {
  "use strict";
  const G = globalThis;
  const apply = Reflect.apply, ownKeys = Object.keys, isArray = Array.isArray;
  const isView = ArrayBuffer.isView, toTag = Object.prototype.toString;
  const is = Object.is, parse = JSON.parse, stringify = JSON.stringify, join = Array.prototype.join, push = Array.prototype.push;
  const StringOf = String, PromiseResolve = Promise.resolve.bind(Promise), then = Promise.prototype.then;
  const MAX_DEPTH = 64;

  // Learner code may log; what it prints goes nowhere (kept out of every output).
  const ignore = () => undefined;
  G.console = { log: ignore, info: ignore, warn: ignore, error: ignore, debug: ignore, trace: ignore, dir: ignore, table: ignore };
  const module = { exports: {} };

  class Refused { constructor(message) { this.message = message; } }
  const tagOf = (v) => apply(toTag, v, []).slice(8, -1);
  const fmt = (n) => { const s = StringOf(n); let out = ""; for (let i = 0; i < s.length; i++) { if (i > 0 && (s.length - i) % 3 === 0) out += ","; out += s[i]; } return out; };

  /** Walks the value; pushes text while within budget, and keeps counting size past it to name the total. */
  let views = [];
  function encode(value, limits) {
    views = [];
    const parts = [];
    const state = { items: 0, chars: 0, over: false };
    const emit = (text) => { state.chars += text.length; if (state.chars > limits.charsPerCall) state.over = true; if (!state.over) apply(push, parts, [text]); };
    const number = (n) => {
      if (n !== n) return emit('{"$":"n","v":"NaN"}');
      if (n === Infinity) return emit('{"$":"n","v":"Infinity"}');
      if (n === -Infinity) return emit('{"$":"n","v":"-Infinity"}');
      if (is(n, -0)) return emit('{"$":"n","v":"-0"}');
      emit(StringOf(n));
    };
    const string = (s) => {
      if (state.over || state.chars + s.length > limits.charsPerCall) { state.chars += s.length + 2; state.over = true; return; }
      emit(stringify(s));
    };
    const walk = (v, depth) => {
      if (++state.items > limits.itemsPerCall) throw new Refused("returned more than " + fmt(limits.itemsPerCall) + " values; return only what the exercise asks for");
      if (depth > MAX_DEPTH) throw new Refused("returned a value nested more than " + MAX_DEPTH + " levels deep (or one that contains itself)");
      switch (typeof v) {
        case "number": return number(v);
        case "string": return string(v);
        case "boolean": return emit(v ? "true" : "false");
        case "undefined": return emit('{"$":"u"}');
        case "bigint": throw new Refused("returned a BigInt (" + StringOf(v) + "n); return a number");
        case "symbol": throw new Refused("returned a Symbol; return a number, array or object");
        case "function": throw new Refused("returned a function; call it and return its result");
      }
      if (v === null) return emit("null");
      if (isView(v)) {
        const tag = tagOf(v);
        if (tag === "BigInt64Array" || tag === "BigUint64Array" || tag === "DataView") throw new Refused("returned a " + tag + "; return a number[] or Float32Array");
        const length = v.length;
        if (state.items + length > limits.itemsPerCall) throw new Refused("returned a " + tag + " of " + fmt(length) + " values; that is more than the exercise asks for");
        state.items += length;
        // Typed arrays are not walked here (interpreted, about 2 µs a number): the sandbox copies their bytes
        // out of the runtime's memory (view(i)). Their size counts as 8 characters a number.
        state.chars += length * 8 - 24;
        apply(push, views, [v]);
        return emit('{"$":"t","i":' + (views.length - 1) + ',"type":"' + tag + '","offset":' + v.byteOffset + ',"length":' + length + "}");
      }
      if (isArray(v)) {
        const length = v.length;
        if (length > limits.itemsPerCall) throw new Refused("returned an array of " + fmt(length) + " items; that is more than the exercise asks for");
        emit("[");
        for (let i = 0; i < length; i++) { if (i > 0) emit(","); walk(v[i], depth + 1); }
        return emit("]");
      }
      const tag = tagOf(v);
      if (tag !== "Object") throw new Refused("returned a " + tag + "; return a plain object, array, number or string");
      const keys = ownKeys(v);
      emit('{"$":"o","k":[');
      for (let i = 0; i < keys.length; i++) { if (i > 0) emit(","); string(keys[i]); }
      emit('],"v":[');
      for (let i = 0; i < keys.length; i++) { if (i > 0) emit(","); walk(v[keys[i]], depth + 1); }
      return emit("]}");
    };
    walk(value, 0);
    if (state.over) throw new Refused("TOO_LARGE:" + state.chars);
    return { text: apply(join, parts, [""]), items: state.items };
  }

  function describeThrown(thrown) {
    try {
      if (thrown !== null && typeof thrown === "object" && typeof thrown.stack === "string" && typeof thrown.message === "string") {
        const name = typeof thrown.name === "string" ? thrown.name : "Error";
        return { message: (name + ": " + thrown.message).slice(0, 2000), stack: thrown.stack.slice(0, 8000) };
      }
    } catch (_) { /* a getter that throws: described below */ }
    let shown;
    try { shown = typeof thrown === "string" ? stringify(thrown) : StringOf(thrown); } catch (_) { shown = "a value that cannot be printed"; }
    if (typeof shown !== "string") shown = "a value that cannot be printed";
    if (shown.length > 200) shown = shown.slice(0, 200) + "…";
    return { message: "threw " + shown + ", which is not an Error; throw new Error(\"…\") so the message and line are shown" };
  }

  function returned(value, limits) {
    try {
      const encoded = encode(value, limits);
      return '{"kind":"returned","items":' + encoded.items + ',"value":' + encoded.text + "}";
    } catch (e) {
      if (e instanceof Refused) {
        if (e.message.slice(0, 10) === "TOO_LARGE:") return stringify({ kind: "tooLarge", chars: +e.message.slice(10) });
        return stringify({ kind: "invalid", message: e.message });
      }
      return threw(e);
    }
  }
  function threw(e) {
    const d = describeThrown(e);
    return stringify({ kind: "threw", message: d.message, stack: d.stack });
  }

  let settledText;
  /** limits: the items and characters this call may still return (the smaller of its own and the run's). */
  function call(name, argsJson, itemsLimit, charsLimit) {
    const limits = { itemsPerCall: itemsLimit, charsPerCall: charsLimit };
    settledText = undefined;
    const fn = module.exports[name];
    if (typeof fn !== "function") return stringify({ kind: "missing" });
    let value;
    try {
      value = apply(fn, undefined, parse(argsJson));
    } catch (e) {
      return threw(e);
    }
    if (value !== null && typeof value === "object" && typeof value.then === "function") {
      apply(then, PromiseResolve(value), [(v) => { settledText = returned(v, limits); }, (e) => { settledText = threw(e); }]);
      return "pending";
    }
    return returned(value, limits);
  }
  function load(wrapper) {
    try {
      wrapper(module.exports, module);
      return "loaded";
    } catch (e) {
      return threw(e);
    }
  }
  const settled = () => (settledText === undefined ? "" : settledText);
  /** The buffer of the i-th typed array of the last encoded result, for the sandbox to copy. */
  const view = (i) => views[i].buffer;
  return { load, call, settled, view };
})`;
