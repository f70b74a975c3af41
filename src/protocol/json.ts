/** A value that survives JSON.stringify/JSON.parse unchanged: everything that crosses a process or webview boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
