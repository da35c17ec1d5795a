// Fetching the JSON twins; an API error becomes an Error carrying the server's message.

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported below with the status
  }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
    throw new Error(message);
  }
  return body;
}

// The page's query string, passed on to its twin: /ui/map?type=CONSULT -> /ui/api/map?type=CONSULT
export function twin(name) {
  return `/ui/api/${name}${location.search}`;
}
