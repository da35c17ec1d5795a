// Entry point of every dashboard page: mark the current page in the navigation, then let the
// page's module fetch its JSON twin (/ui/api/<page>) and draw.
import { h, fill } from "./dom.js";

const PAGES = {
  timeline: () => import("./timeline.js"),
  tracks: () => import("./tracks.js"),
  network: () => import("./network.js"),
  map: () => import("./map.js"),
  events: () => import("./evidence.js"),
};

async function start() {
  const page = document.body.dataset.page;
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
  }
  const q = new URLSearchParams(location.search).get("q");
  if (q) document.querySelector(".search input").value = q;
  const main = document.getElementById("main");
  try {
    const module = await PAGES[page]();
    await module.render(main);
  } catch (error) {
    fill(main, h("div", { class: "error" }, h("strong", {}, "Could not show this page. "), error.message));
    throw error;
  }
  document.body.dataset.ready = "true"; // the browser tests wait for this
}

start();
