// `import "vscode"` resolves here in every project but the extension's (tsconfig.core/node/webview.json map it
// with `paths`): this file is deliberately not a module, so such an import is a compile error. Without the
// mapping, TypeScript would find node_modules/@types/vscode whatever the project's `types` say.
declare const vscodeIsOnlyAvailableInTheExtensionHost: never;
