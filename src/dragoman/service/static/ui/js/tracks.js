// Tracks: each negotiation process with its rounds on a line (held, planned, postponed,
// cancelled), venue, mediator, delegations, agenda, status history, and its brief on demand.
import { getJson, twin } from "./api.js";
import { h, svg, fill, eventLink, statusBadge, plural, cssName, typeBadge } from "./dom.js";

export async function render(main) {
  const data = await getJson(twin("tracks"));
  fill(main, 
    h("header", { class: "page-head" },
      h("h1", {}, "Tracks"),
      h("p", { class: "muted" }, `${plural(data.tracks.length, "negotiation track")}: the meetings between the same parties, read as one process.`)),
    data.tracks.length ? data.tracks.map(track) : h("p", { class: "empty" }, "No tracks yet: they appear when parties are reported to meet."));
  const wanted = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (wanted) wanted.scrollIntoView();
}

function track(t) {
  const names = (list) => list.map((p) => p.name).join(" – ");
  return h("section", { class: "panel track", id: t.id, "data-track": t.id },
    h("header", { class: "track-head" },
      h("div", {},
        h("h2", {}, t.name),
        h("p", { class: "muted" },
          `Parties: ${names(t.parties)}`, t.mediator ? ` · mediator: ${t.mediator.name}` : "",
          ` · ${t.first_date || "?"} to ${t.last_date || "?"} · ${plural(t.sources, "article")}`)),
      h("div", { class: "track-status" }, statusBadge(t.status))),
    t.topics.length ? h("div", { class: "chips" }, h("span", { class: "muted" }, "Agenda: "),
      t.topics.map((topic) => h("span", { class: "chip" }, topic))) : null,
    roundLine(t.rounds),
    h("div", { class: "rounds" }, t.rounds.map(roundCard)),
    h("div", { class: "track-columns" },
      statusHistory(t.status_history),
      otherMeetings(t.other_meetings)),
    briefBox(t));
}

// Rounds as stations on a line, in order: filled when held, hollow when planned, amber when
// postponed, struck through when cancelled.
function roundLine(rounds) {
  if (!rounds.length) return h("p", { class: "muted" }, "No numbered rounds yet.");
  const width = 1000, height = 92, pad = 80;
  const step = rounds.length > 1 ? (width - 2 * pad) / (rounds.length - 1) : 0;
  const x = (i) => (rounds.length > 1 ? pad + i * step : width / 2);
  const line = svg("svg", { class: "round-line", viewBox: `0 0 ${width} ${height}`, role: "img",
    "aria-label": "Rounds of the track" });
  line.append(svg("line", { x1: pad - 40, x2: width - pad + 40, y1: 40, y2: 40, class: "rail" }));
  rounds.forEach((r, i) => {
    const where = r.city || (r.country && r.country.name) || "venue not reported";
    line.append(svg("g", { class: `station s-${cssName(r.status)}`, "data-round": r.round },
      svg("title", {}, `Round ${r.round}: ${r.status}, ${r.date || "undated"}, ${where}`),
      svg("circle", { cx: x(i), cy: 40, r: 13 }),
      svg("text", { x: x(i), y: 45, class: "station-number", "text-anchor": "middle" }, String(r.round)),
      svg("text", { x: x(i), y: 16, class: "station-label", "text-anchor": "middle" }, where),
      svg("text", { x: x(i), y: 74, class: "station-date", "text-anchor": "middle" }, `${r.date || "undated"} · ${r.status}`)));
  });
  return h("figure", { class: "round-figure" }, line);
}

function roundCard(r) {
  const venue = [r.city, r.country && r.country.name].filter(Boolean).join(", ") || "not reported";
  const bySide = new Map();
  for (const d of r.delegations) {
    const side = d.side ? d.side.name : "?";
    if (!bySide.has(side)) bySide.set(side, []);
    bySide.get(side).push(d);
  }
  return h("article", { class: `round-card s-${cssName(r.status)}`, "data-round": r.round },
    h("header", {},
      h("h3", {}, `Round ${r.round}`), statusBadge(r.status),
      h("span", { class: "when" }, r.date ? `${r.date}${r.date_precision && r.date_precision !== "day" ? ` (${r.date_precision})` : ""}` : "undated")),
    h("dl", { class: "facts compact" },
      h("dt", {}, "Venue"), h("dd", { class: "venue" }, venue),
      h("dt", {}, "Mediator"), h("dd", {}, r.mediator ? r.mediator.name : "none reported"),
      h("dt", {}, "Agenda"), h("dd", {}, r.topics.join(", ") || "not reported"),
      h("dt", {}, "Sources"), h("dd", {}, r.sources.map((s) => s.outlet || s.doc_id).join(", "))),
    bySide.size ? h("div", { class: "delegations" }, h("h4", {}, "Delegations"),
      [...bySide].map(([side, people]) => h("div", { class: "delegation" },
        h("span", { class: "side" }, side),
        h("ul", {}, people.map((d) => h("li", {}, d.name, d.title ? h("span", { class: "muted" }, `, ${d.title}`) : null)))))) : null,
    r.agreements.length ? h("div", {}, h("h4", {}, "Agreements"),
      h("ul", {}, r.agreements.map((a) => h("li", {}, eventLink(a.id, a.sentence || a.who))))) : null,
    r.status_history.length ? h("div", {}, h("h4", {}, "Status as reported"),
      h("ol", { class: "steps" }, r.status_history.map((c) => h("li", {}, statusBadge(c.value), " ",
        h("span", { class: "muted" }, [c.outlet, c.published].filter(Boolean).join(", ")))))) : null,
    h("footer", {}, r.meetings.map((id) => eventLink(id, "evidence →"))));
}

function statusHistory(points) {
  return h("section", {}, h("h3", {}, "How the process got here"),
    points.length ? h("ol", { class: "steps" }, points.map((p) => h("li", {},
      h("span", { class: "when" }, p.reported || "undated"), " ", statusBadge(p.status), " ",
      h("span", {}, p.because), " ", h("span", { class: "muted" }, p.outlet ? `(${p.outlet})` : "")))) :
      h("p", { class: "muted" }, "No status changes reported."));
}

function otherMeetings(events) {
  return h("section", {}, h("h3", {}, "Other contacts"),
    events.length ? h("ul", { class: "contacts" }, events.map((e) => h("li", {},
      typeBadge(e.event_type), " ", statusBadge(e.status), " ", h("span", { class: "when" }, e.when), " ",
      eventLink(e.id, e.sentence || e.who)))) :
      h("p", { class: "muted" }, "None reported."));
}

// The "what to expect" brief, fetched when asked for; every line carries its sources.
function briefBox(t) {
  const body = h("div", { class: "brief-body" });
  const button = h("button", { type: "button", class: "primary", onclick: async () => {
    button.disabled = true;
    try {
      showBrief(body, await getJson(t.links.brief));
      button.remove();
    } catch (error) {
      fill(body, h("p", { class: "error" }, error.message));
      button.disabled = false;
    }
  } }, "Show the brief");
  return h("section", { class: "brief" },
    h("h3", {}, "Brief"),
    h("p", { class: "muted" }, "What to expect at the next round, every line with its sources. ",
      h("a", { href: t.links.brief_md }, "Markdown"), " · ", h("a", { href: t.links.brief }, "JSON"),
      " · ", h("a", { href: t.links.events }, "all events of this track")),
    button, body);
}

function showBrief(body, brief) {
  const sections = [["Next round", brief.next_round ? [brief.next_round] : []], ["Who leads each side", brief.delegations],
    ["Agenda", brief.agenda], ["Earlier rounds", brief.earlier_rounds], ["How the process got here", brief.status_history],
    ["Background pressures", brief.background], ["Open questions and contradictions", brief.open_questions]];
  fill(body, sections.map(([title, lines]) => h("div", { class: "brief-section" },
    h("h4", {}, title),
    lines.length ? h("ul", {}, lines.map((line) => h("li", {}, line.text || line.topic,
      (line.sources || []).length ? h("span", { class: "cite" }, ` [${line.sources.join("; ")}]`) : null))) :
      h("p", { class: "muted" }, "Nothing reported."))));
}
