import MarkdownIt from "markdown-it";

/**
 * A pack's markdown, rendered inert: raw HTML is escaped (shown as text, never parsed), links are limited
 * to http(s) and in-page anchors, and images to data: URIs (the CSP blocks everything else anyway).
 */
export const inertMarkdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultValidate = inertMarkdown.validateLink.bind(inertMarkdown);
inertMarkdown.validateLink = (url: string) => defaultValidate(url) && /^(https?:|#|data:image\/(png|gif|jpeg|webp);)/i.test(url.trim());

export function renderMarkdown(source: string): DocumentFragment {
  const template = document.createElement("template");
  template.innerHTML = inertMarkdown.render(source);
  // A code block that scrolls sideways must be reachable by keyboard (axe: scrollable-region-focusable).
  for (const pre of template.content.querySelectorAll("pre")) pre.tabIndex = 0;
  return template.content;
}
