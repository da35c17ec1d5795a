// Actor network: who meets, mediates, threatens or sanctions whom. Nodes are actors (a state and
// the people speaking for it are one node), edges the canonical events between them, one colour
// per event type (MEDIATE: a mediator and a party it mediates between).
import { getJson, twin } from "./api.js";
import { h, svg, fill, plural, cssName } from "./dom.js";
import { filterPanel } from "./filters.js";
import { card } from "./timeline.js";

const WIDTH = 1000, HEIGHT = 680;

export async function render(main) {
  const data = await getJson(twin("network"));
  const side = h("aside", { class: "panel detail" },
    h("h2", {}, "Select an actor or a link"),
    h("p", { class: "muted" }, "Click a node or a line to list the events behind it; drag nodes to untangle."));
  const content = h("section", { class: "content" },
    h("header", { class: "page-head" },
      h("h1", {}, "Actor network"),
      h("p", { class: "muted" }, `${plural(data.nodes.length, "actor")} linked by ${plural(data.edges.length, "kind")} of relation, from ${plural(data.count, "event")}.`)),
    data.edges.length ? h("div", { class: "graph-layout" }, graph(data, side), side) :
      h("p", { class: "empty" }, "No two actors are linked by the events matching these filters."));
  fill(main, h("div", { class: "with-sidebar" },
    filterPanel(data.choices, data.filters, { count: data.count, truncated: data.truncated, action: "/ui/network",
      nextCursor: data.next_cursor }),
    content));
}

function graph(data, side) {
  const nodes = data.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.map((e) => ({ ...e, source: byId.get(e.source), target: byId.get(e.target) }));
  bendParallel(edges);
  const radius = (n) => 8 + 3.2 * Math.sqrt(n.events);
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(edges).distance(190).strength(0.35))
    .force("charge", d3.forceManyBody().strength(-1400))
    .force("collide", d3.forceCollide((n) => radius(n) + 30))
    .force("x", d3.forceX(WIDTH / 2).strength(0.06))
    .force("y", d3.forceY(HEIGHT / 2).strength(0.09))
    .stop();
  for (let i = 0; i < 400; i++) sim.tick(); // a settled layout straight away, the same every time
  const types = [...new Set(edges.map((e) => e.type))];
  const chart = svg("svg", { class: "network", viewBox: frame(nodes, radius), role: "img",
    "aria-label": "Actors and the events linking them" },
  svg("defs", {}, types.map((t) => svg("marker", { id: `arrow-${cssName(t)}`, viewBox: "0 -5 10 10", refX: 10,
    markerWidth: 7, markerHeight: 7, orient: "auto", class: `arrow t-${cssName(t)}` }, svg("path", { d: "M0,-5L10,0L0,5" })))));
  const edgeEls = edges.map((e) => {
    const path = svg("path", { class: `edge t-${cssName(e.type)}`, "stroke-width": 1.5 + Math.sqrt(e.count) * 1.6,
      "marker-end": e.directed ? `url(#arrow-${cssName(e.type)})` : null, "data-type": e.type },
    svg("title", {}, `${e.source.label} ${e.directed ? "→" : "–"} ${e.target.label}: ${e.type} × ${e.count}`));
    path.addEventListener("click", () => showEvents(side, `${e.source.label} ${e.directed ? "→" : "–"} ${e.target.label}: ${e.type}`, e.events, data.events));
    chart.append(path);
    return path;
  });
  const nodeEls = nodes.map((n) => {
    const g = svg("g", { class: `node ${n.state ? "state" : "group"}`, "data-node": n.id },
      svg("title", {}, [n.label, ...n.names].join("\n")),
      svg("circle", { r: radius(n) }),
      svg("text", { class: "node-label", y: radius(n) + 15, "text-anchor": "middle" }, n.label));
    g.addEventListener("click", () => {
      const ids = [...new Set(edges.filter((e) => e.source === n || e.target === n).flatMap((e) => e.events))];
      showEvents(side, n.label + (n.names.length ? ` (${n.names.join(", ")})` : ""), ids, data.events);
    });
    chart.append(g);
    return g;
  });
  const place = () => {
    edges.forEach((e, i) => edgeEls[i].setAttribute("d", edgePath(e, radius(e.target))));
    nodes.forEach((n, i) => nodeEls[i].setAttribute("transform", `translate(${n.x},${n.y})`));
  };
  d3.selectAll(nodeEls).data(nodes).call(d3.drag()
    .on("drag", (event, n) => { n.x = event.x; n.y = event.y; place(); }));
  place();
  return h("figure", { class: "panel graph" }, chart, edgeLegend(types));
}

// The view box around the laid-out nodes and their labels, never narrower than 4:3.
function frame(nodes, radius) {
  const margin = 70;
  let [x0, x1] = d3.extent(nodes, (n) => n.x), [y0, y1] = d3.extent(nodes, (n) => n.y);
  const r = d3.max(nodes, radius);
  x0 -= r + margin; x1 += r + margin; y0 -= r + 20; y1 += r + 36;
  const w = Math.max(x1 - x0, (y1 - y0) * 4 / 3), h = Math.max(y1 - y0, w * 0.55);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  return `${cx - w / 2} ${cy - h / 2} ${w} ${h}`;
}

// Two actors linked by several event types get curves bent apart, not lines on top of each other.
function bendParallel(edges) {
  const groups = new Map();
  for (const e of edges) {
    const key = [e.source.id, e.target.id].sort().join("|");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(e);
  }
  for (const group of groups.values()) {
    group.forEach((e, i) => {
      const flip = e.source.id < e.target.id ? 1 : -1;
      e.bend = (i - (group.length - 1) / 2) * 38 * flip;
    });
  }
}

// A quadratic curve from the source's centre to the target's rim (where the arrow tip sits).
function edgePath(e, targetRadius) {
  const { x: x1, y: y1 } = e.source, { x: x2, y: y2 } = e.target;
  const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
  const cx = (x1 + x2) / 2 - (dy / len) * e.bend, cy = (y1 + y2) / 2 + (dx / len) * e.bend;
  const tx = x2 - cx, ty = y2 - cy, tl = Math.hypot(tx, ty) || 1;
  const ex = x2 - (tx / tl) * (targetRadius + 2), ey = y2 - (ty / tl) * (targetRadius + 2);
  return `M${x1},${y1}Q${cx},${cy} ${ex},${ey}`;
}

function edgeLegend(types) {
  return h("figcaption", { class: "edge-legend" }, types.map((t) =>
    h("span", { class: "legend-item" }, h("span", { class: `swatch line t-${cssName(t)}` }), t)),
  h("span", { class: "muted" }, " Arrows point from the actor who acts to the one acted on; meetings have no direction."));
}

function showEvents(side, title, ids, events) {
  const list = ids.map((id) => events[id]).filter(Boolean);
  fill(side, h("h2", {}, title), h("p", { class: "muted" }, plural(list.length, "event")), list.map(card));
}
