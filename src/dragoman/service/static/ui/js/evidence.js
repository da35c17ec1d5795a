// Evidence: one canonical event, and the sentences that prove it highlighted in each reporting
// article's cleaned text, with outlet, attribution, status history and contradictions.
import { getJson } from "./api.js";
import { h, fill, typeBadge, statusBadge, plural, cssName } from "./dom.js";

export async function render(main) {
  const id = decodeURIComponent(location.pathname.split("/").pop());
  const data = await getJson(`/ui/api/events/${encodeURIComponent(id)}`);
  const s = data.summary;
  document.title = `${s.event_type} ${s.who} · dragoman`;
  const viewer = h("section", { class: "panel article-viewer" });
  const list = h("nav", { class: "article-list", "aria-label": "Reporting articles" });
  const buttons = data.articles.map((a, i) => {
    const button = h("button", { type: "button", class: "article-choice", "data-article": a.id,
      onclick: () => select(i) },
    h("span", { class: "outlet" }, a.outlet || "unknown outlet"),
    h("span", { class: "muted" }, a.published || "undated"),
    h("span", { class: "title" }, a.title || a.id),
    h("span", { class: "muted" }, plural(a.spans.length, "sentence")));
    list.append(button);
    return button;
  });
  function select(i) {
    buttons.forEach((b, j) => b.setAttribute("aria-pressed", String(i === j)));
    showArticle(viewer, data.articles[i]);
  }
  fill(main, 
    h("header", { class: "page-head event-head" },
      h("div", { class: "badges" }, typeBadge(s.event_type), statusBadge(s.status), h("span", { class: "when" }, s.when)),
      h("h1", {}, s.who),
      facts(data)),
    h("div", { class: "evidence-layout" },
      h("div", { class: "evidence-side" },
        h("h2", {}, plural(data.articles.length, "reporting article")),
        list,
        history(data.event.status_history),
        contradictions(data.event.contradictions)),
      viewer));
  if (data.articles.length) select(0);
  else viewer.append(h("p", { class: "empty" }, "The articles of this event are not in the store."));
}

function facts(data) {
  const e = data.event, s = data.summary;
  const where = s.location ? [s.location.text, s.location.country_name].filter(Boolean).join(", ") : "not reported";
  const rows = [
    ["Where", where],
    ["Mediator", s.mediator || "none reported"],
    ["CAMEO", `${e.cameo || "no code"}${e.mode ? ` · mode ${e.mode}` : ""}`],
    ["Sources", `${plural(e.independent_sources, "independent source")}, ${plural(e.reports.length, "report")}`],
    ["Topics", (e.topics || []).join(", ") || "none"],
  ];
  const dl = h("dl", { class: "facts" }, rows.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  if (data.track) {
    dl.append(h("dt", {}, "Track"), h("dd", {}, h("a", { href: `/ui/tracks#${encodeURIComponent(data.track.id)}` },
      data.track.name + (data.track.round ? `, round ${data.track.round}` : ""))));
  }
  return dl;
}

function showArticle(viewer, a) {
  const meta = [a.outlet, a.published, a.author ? `by ${a.author}` : null].filter(Boolean).join(" · ");
  const body = h("div", { class: "article-text" }, paragraphs(a.text, a.spans));
  fill(viewer, 
    h("h2", { class: "article-title" }, a.title || "(untitled)"),
    h("p", { class: "muted" }, meta,
      a.url ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
    a.attributed_to ? h("p", { class: "attribution" }, "Attributed to: ", h("q", {}, a.attributed_to)) : null,
    body);
  const first = body.querySelector("mark");
  if (first) { // scroll the article pane, not the page, to the first highlighted sentence
    viewer.scrollTop += first.getBoundingClientRect().top - viewer.getBoundingClientRect().top - 120;
  }
}

// The text as paragraphs (blank-line separated), each evidence span in a <mark>; all text nodes.
export function paragraphs(text, spans) {
  const out = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    if (end > start) out.push(paragraph(text, start, end, spans));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

function paragraph(text, start, end, spans) {
  const p = h("p", {});
  let at = start;
  for (const span of spans) {
    const s = Math.max(span.start, start), e = Math.min(span.end, end);
    if (e <= s) continue;
    if (s > at) p.append(text.slice(at, s));
    p.append(h("mark", { class: "evidence" }, text.slice(s, e)));
    at = e;
  }
  if (at < end) p.append(text.slice(at, end));
  return p;
}

function history(items) {
  if (!items || !items.length) return null;
  return h("section", { class: "history" },
    h("h2", {}, "Status history"),
    h("ol", { class: "steps" }, items.map((c) =>
      h("li", {},
        statusBadge(c.value), " ",
        h("span", { class: "muted" }, [c.outlet, c.published].filter(Boolean).join(", ")),
        c.sentence ? h("blockquote", { class: "sentence small" }, c.sentence) : null))));
}

function contradictions(pairs) {
  if (!pairs || !pairs.length) return null;
  return h("section", { class: "contradictions" },
    h("h2", {}, "Sources disagree"),
    pairs.map(([a, b]) => h("div", { class: "disagree" }, claim(a), h("div", { class: "versus" }, "vs"), claim(b))));
}

function claim(c) {
  return h("div", { class: `claim s-${cssName(c.value)}` },
    h("div", {}, h("strong", {}, `${c.field}: `), c.field === "status" ? statusBadge(c.value) : c.value),
    h("div", { class: "muted" }, [c.outlet, c.published].filter(Boolean).join(", ")),
    c.sentence ? h("blockquote", { class: "sentence small" }, c.sentence) : null);
}
