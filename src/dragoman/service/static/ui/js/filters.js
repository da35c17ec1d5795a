// The filter panel shared by the timeline, network and map: a plain GET form, so every filtered
// view has a URL that can be bookmarked and shared.
import { h } from "./dom.js";

export function filterPanel(choices, filters, { count, truncated, action, nextCursor }) {
  const params = new URLSearchParams(location.search);
  const value = (name) => filters[name] ?? params.get(name) ?? "";
  const select = (name, label, options) =>
    field(label, h("select", { name },
      h("option", { value: "" }, "any"),
      options.map(([v, text]) => h("option", { value: v, selected: v === value(name) }, text))));
  const form = h("form", { class: "filters", method: "get", action },
    h("h2", {}, "Filter"),
    field("Words in the evidence", h("input", { type: "search", name: "q", value: value("q"), placeholder: "e.g. sanctions" })),
    select("type", "Event type", choices.types.map((t) => [t.type, t.type])),
    select("status", "Status", choices.statuses.map((s) => [s, s])),
    field("Actor", h("input", { type: "text", name: "actor", value: value("actor"), placeholder: "IRN, Oman, IRN GOV" })),
    h("div", { class: "dates" },
      field("From", h("input", { type: "date", name: "from", value: value("from") })),
      field("To", h("input", { type: "date", name: "to", value: value("to") }))),
    select("track", "Track", choices.tracks.map((t) => [t.id, t.name])),
    h("div", { class: "buttons" },
      h("button", { type: "submit", class: "primary" }, "Apply"),
      h("a", { href: action, class: "button" }, "Clear")),
    h("p", { class: "muted count" }, `${count} canonical event${count === 1 ? "" : "s"}`,
      truncated ? " on this page " : "",
      truncated && nextCursor ? h("a", { href: nextPage(action, nextCursor), class: "next-page" }, "next page →") : ""));
  return h("aside", { class: "sidebar" }, form, legend(choices.types));
}

// The same view's next page: its query string with the cursor the twin gave for it.
function nextPage(action, cursor) {
  const params = new URLSearchParams(location.search);
  params.set("cursor", cursor);
  return `${action}?${params}`;
}

function field(label, input) {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

// Colour key: one colour per PLOVER type, in families by quad class.
export function legend(types) {
  const quads = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
  return h("details", { class: "legend", open: true },
    h("summary", {}, "Event types"),
    Object.entries(quads).map(([quad, name]) =>
      h("div", { class: "legend-group" },
        h("div", { class: "legend-title" }, name),
        types.filter((t) => String(t.quad_class) === quad).map((t) =>
          h("div", { class: "legend-item", title: t.definition },
            h("span", { class: `swatch t-${t.type}` }), t.type)))));
}
