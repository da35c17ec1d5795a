// Timeline: canonical events in time. An overview strip (one row per event type, a mark per
// event, coloured by type, filled or hollow by status) above the events grouped by day.
import { getJson, twin } from "./api.js";
import { h, svg, fill, eventLink, typeBadge, statusBadge, shorten, plural, cssName } from "./dom.js";
import { filterPanel } from "./filters.js";

export async function render(main) {
  const data = await getJson(twin("timeline"));
  const content = h("section", { class: "content" },
    h("header", { class: "page-head" },
      h("h1", {}, "Timeline"),
      h("p", { class: "muted" }, summaryLine(data))),
    data.events.length ? overview(data.events) : null,
    data.events.length ? dayList(data.events) : h("p", { class: "empty" }, "No event matches these filters."));
  fill(main, h("div", { class: "with-sidebar" },
    filterPanel(data.choices, data.filters, { count: data.count, truncated: data.truncated, action: "/ui/timeline",
      nextCursor: data.next_cursor }),
    content));
}

function summaryLine(data) {
  const reports = data.events.reduce((n, e) => n + e.reports, 0);
  return `${plural(data.count, "event")} told by ${plural(reports, "report")}; each one links to the sentences that prove it.`;
}

// The day an event is placed on: its start, else the latest date it can have ("undated, by ...").
function day(e) {
  return (e.date && (e.date.start || e.date.end)) || null;
}

function overview(events) {
  const dated = events.filter(day);
  if (!dated.length) return null;
  const types = [...new Set(dated.map((e) => e.event_type))];
  const width = 1000, rowH = 18, top = 8, left = 96, bottom = 26;
  const height = top + rowH * types.length + bottom;
  const dates = dated.flatMap((e) => [e.date.start, e.date.end].filter(Boolean)).map((d) => new Date(d));
  const x = d3.scaleUtc().domain(d3.extent(dates)).nice(d3.utcDay).range([left, width - 12]);
  const y = (type) => top + rowH * types.indexOf(type) + rowH / 2;
  const chart = svg("svg", { class: "overview", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Events per type over time" });
  for (const type of types) {
    chart.append(svg("text", { x: left - 10, y: y(type) + 4, class: "row-label", "text-anchor": "end" }, type),
      svg("line", { x1: left, x2: width - 12, y1: y(type), y2: y(type), class: "row-rule" }));
  }
  for (const tick of x.ticks(Math.min(10, d3.utcDay.count(...x.domain())))) {
    chart.append(svg("text", { x: x(tick), y: height - 8, class: "tick", "text-anchor": "middle" },
      d3.utcFormat("%d %b")(tick)));
  }
  for (const e of dated) {
    const cls = `t-${cssName(e.event_type)} s-${cssName(e.status)}`;
    const title = svg("title", {}, `${e.event_type} ${e.status}, ${e.when}: ${e.who}`);
    const mark = svg("a", { href: `/ui/events/${encodeURIComponent(e.id)}` }, title);
    if (e.date.start && e.date.end && e.date.end !== e.date.start) {
      mark.append(svg("line", { x1: x(new Date(e.date.start)), x2: x(new Date(e.date.end)), y1: y(e.event_type),
        y2: y(e.event_type), class: `span ${cls}` }));
    }
    const undated = !e.date.start;
    mark.append(svg("circle", { cx: x(new Date(day(e))), cy: y(e.event_type), r: 5.5,
      class: `dot ${cls}${undated ? " undated" : ""}` }));
    chart.append(mark);
  }
  return h("figure", { class: "panel overview-panel" }, chart,
    h("figcaption", { class: "muted" }, "Filled: occurred; hollow: planned or not (yet) happened; faded: undated, placed on the last day it can have been. Click a mark for its evidence."));
}

function dayList(events) {
  const groups = new Map();
  for (const e of events) {
    const key = day(e) || "undated";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  return h("div", { class: "days" }, [...groups].map(([key, list]) =>
    h("section", { class: "day" },
      h("h2", { class: "day-head" }, key === "undated" ? "Undated" : d3.utcFormat("%A %-d %B %Y")(new Date(key))),
      list.map(card))));
}

export function card(e) {
  const where = e.location ? [e.location.text, e.location.country_name].filter(Boolean).join(", ") : null;
  return h("article", { class: `card t-${cssName(e.event_type)}`, "data-event": e.id },
    h("div", { class: "card-head" },
      typeBadge(e.event_type), statusBadge(e.status),
      h("span", { class: "when" }, e.when),
      e.track ? h("a", { class: "chip", href: `/ui/tracks#${encodeURIComponent(e.track)}` },
        e.round ? `${e.track} · round ${e.round}` : e.track) : null),
    h("h3", { class: "who" }, eventLink(e.id, e.who)),
    e.sentence ? h("blockquote", { class: "sentence" }, shorten(e.sentence)) : null,
    h("div", { class: "card-foot muted" },
      where ? h("span", { class: "place" }, where) : null,
      h("span", {}, `${plural(e.independent_sources, "independent source")}: ${e.outlets.join(", ") || "?"}`),
      e.contradictions ? h("span", { class: "warn" }, plural(e.contradictions, "contradiction")) : null,
      eventLink(e.id, "evidence →")));
}
