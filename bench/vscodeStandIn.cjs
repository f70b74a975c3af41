// A stand-in `vscode` module for timing the extension bundle's load in plain Node (bench/extensionStats.ts,
// `node -r bench/vscodeStandIn.cjs`): every name is a constructible stub, which is all that evaluating the
// bundle needs (it defines classes and reads a few names; nothing runs until activate()).
const Module = require("node:module");
const stub = new Proxy(function Stub() {}, {
  get: (target, name) => (name === "prototype" ? target.prototype : name === Symbol.toPrimitive ? () => "" : stub),
  apply: () => stub,
  construct: () => new Proxy({}, { get: (_, name) => (name === "then" ? undefined : stub) }),
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: Object.create(new Proxy({}, { get: (_, name) => (name === "__esModule" ? false : stub) })) };
