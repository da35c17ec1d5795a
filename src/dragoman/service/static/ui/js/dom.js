// Building the page from data. Everything from the server (article text, names, titles) is
// untrusted: it only ever reaches the page as text nodes (textContent) or as attribute values
// set one by one, never through innerHTML. The page's Content-Security-Policy enforces the same
// with Trusted Types, so a slip here fails loudly instead of running a script.

const SVG_NS = "http://www.w3.org/2000/svg";

// h("a", {href: "/ui/map", class: "x"}, "text", child...) -> an element; strings become text nodes.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "href") el.setAttribute("href", safeHref(String(value)));
    else el.setAttribute(name, value === true ? "" : String(value));
  }
}

export function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Links to our own pages, or to http(s) sites; anything else (javascript:, data:) goes nowhere.
export function safeHref(url) {
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : "#";
  } catch {
    return "#";
  }
}

// Replace an element's children (arrays flattened, null and false skipped).
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function cssName(value) {
  return String(value || "none").replace(/[^A-Za-z0-9_-]/g, "_");
}

export function typeBadge(type) {
  return h("span", { class: `badge type t-${cssName(type)}`, title: type }, type);
}

export function statusBadge(status) {
  return h("span", { class: `badge status s-${cssName(status)}` }, status);
}

export function eventLink(id, ...children) {
  return h("a", { href: `/ui/events/${encodeURIComponent(id)}`, class: "event-link" }, ...children);
}

export function shorten(text, max = 260) {
  if (!text || text.length <= max) return text || "";
  const cut = text.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(" ") > max * 0.6 ? cut.lastIndexOf(" ") : max) + "…";
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
