// Map: where events took place and where rounds are held, over country shapes shipped with the
// package (Natural Earth via world-atlas): no tile server, works offline.
import { getJson, twin } from "./api.js";
import { h, svg, fill, plural, cssName } from "./dom.js";
import { filterPanel } from "./filters.js";
import { card } from "./timeline.js";

const WIDTH = 1000, HEIGHT = 620;

export async function render(main) {
  const data = await getJson(twin("map"));
  const world = await getJson(data.geometry);
  const side = h("aside", { class: "panel detail" }, placeList(data));
  const content = h("section", { class: "content" },
    h("header", { class: "page-head" },
      h("h1", {}, "Map"),
      h("p", { class: "muted" }, `${plural(data.points.length, "place")} with coordinates; ${plural(data.unplaced, "event")} without a reported place.`)),
    h("div", { class: "graph-layout" }, drawMap(data, world, side), side));
  fill(main, h("div", { class: "with-sidebar" },
    filterPanel(data.choices, data.filters, { count: data.count, truncated: data.truncated, action: "/ui/map",
      nextCursor: data.next_cursor }),
    content));
}

function drawMap(data, world, side) {
  const countries = topojson.feature(world, world.objects.countries).features;
  const active = new Map(data.countries.filter((c) => c.numeric).map((c) => [c.numeric, c]));
  const framed = focus(data, countries, active);
  const projection = d3.geoNaturalEarth1().fitExtent([[24, 24], [WIDTH - 24, HEIGHT - 24]], framed);
  const path = d3.geoPath(projection);
  const zoomed = svg("g", { class: "zoomed" });
  const chart = svg("svg", { class: "map", viewBox: viewBox(path.bounds(framed), path.bounds({ type: "Sphere" })), role: "img",
    "aria-label": "Map of event locations" }, zoomed);
  zoomed.append(
    svg("path", { class: "sphere", d: path({ type: "Sphere" }) }),
    svg("path", { class: "graticule", d: path(d3.geoGraticule10()) }));
  const most = Math.max(1, ...data.countries.map((c) => c.events));
  for (const f of countries) {
    const c = active.get(f.id);
    const shape = svg("path", { class: c ? "country active" : "country", d: path(f), "data-country": f.id },
      svg("title", {}, c ? `${c.name}: ${plural(c.events, "event")} here` : (f.properties && f.properties.name) || ""));
    if (c) shape.style.setProperty("--weight", String(0.25 + 0.75 * (c.events / most)));
    zoomed.append(shape);
  }
  const markers = [];
  for (const p of data.points) {
    const [x, y] = projection([p.lon, p.lat]);
    const r = 4 + 2.6 * Math.sqrt(p.events.length);
    const venue = p.rounds.length > 0;
    const g = svg("g", { class: `marker${venue ? " venue" : ""}`, "data-place": p.name || "", transform: `translate(${x},${y})` },
      svg("title", {}, `${p.name}: ${plural(p.events.length, "event")}${venue ? ", venue of " + p.rounds.map((r) => `round ${r.round} (${r.status})`).join(", ") : ""}`),
      venue ? svg("circle", { class: "ring", r: r + 5 }) : null,
      svg("circle", { class: `dot t-${cssName(majorType(p.events))}`, r }),
      svg("text", { class: "place-label", x: r + 6, y: 4 }, p.name || ""));
    g.addEventListener("click", () => showPlace(side, p));
    zoomed.append(g);
    markers.push(g);
  }
  d3.select(chart).call(d3.zoom().scaleExtent([1, 16]).on("zoom", ({ transform }) => {
    zoomed.setAttribute("transform", transform.toString());
    for (const m of markers) m.style.setProperty("--k", String(transform.k));
  }));
  return h("figure", { class: "panel graph" }, chart,
    h("figcaption", { class: "muted" }, "Circles: places of events (size: number of events; colour: the most frequent type). Rings: venues of track rounds. Shaded: countries where events took place. Scroll to zoom, drag to pan. Country shapes: Natural Earth, via world-atlas."));
}

// The projected bounds of the framed area with a margin, no flatter than 2:1 unless that would
// show the empty space beyond the poles.
function viewBox([[x0, y0], [x1, y1]], [[, top], [, bottom]]) {
  const w = x1 - x0 + 48;
  const h = Math.min(Math.max(y1 - y0 + 48, w / 2), bottom - top);
  const y = Math.min(Math.max((y0 + y1) / 2 - h / 2, top), bottom - h);
  return `${x0 - 24} ${y} ${w} ${h}`;
}

// What the view frames: the places and active countries, widened so one city is not a close-up.
function focus(data, countries, active) {
  const coords = data.points.flatMap((p) => [[p.lon - 12, p.lat - 8], [p.lon + 12, p.lat + 8]]);
  const shapes = countries.filter((f) => active.has(f.id));
  if (!coords.length && !shapes.length) return { type: "Sphere" };
  return { type: "FeatureCollection", features: [
    ...shapes, { type: "Feature", geometry: { type: "MultiPoint", coordinates: coords } }] };
}

function majorType(events) {
  const counts = d3.rollup(events, (v) => v.length, (e) => e.event_type);
  return d3.greatest(counts, ([, n]) => n)[0];
}

function placeList(data) {
  return h("div", {},
    h("h2", {}, "Places"),
    h("ul", { class: "places" }, data.points.map((p) => h("li", {},
      h("button", { type: "button", class: "linkish", onclick: (ev) => showPlace(ev.target.closest("aside"), p) }, p.name || "?"),
      h("span", { class: "muted" }, ` ${p.country_name || ""} · ${plural(p.events.length, "event")}`),
      p.rounds.length ? h("span", { class: "chip" }, p.rounds.map((r) => `${r.track} round ${r.round}`).join(", ")) : null))));
}

function showPlace(side, p) {
  fill(side, 
    h("h2", {}, p.name || "?"),
    h("p", { class: "muted" }, [p.country_name, plural(p.events.length, "event")].filter(Boolean).join(" · ")),
    p.events.map(card));
}
