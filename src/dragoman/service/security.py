"""Response headers every answer carries, and the /docs page that works under them.

The API answers JSON (or CSV/TSV/Parquet downloads), never HTML built from data, and says so to the
browser: ``Content-Security-Policy: default-src 'none'`` lets nothing load or run, ``nosniff`` stops a
browser from guessing HTML in a JSON body. The one HTML page, /docs, is a fixed file with no data in
it; its policy allows scripts and styles from this server only (Swagger UI from the
``swagger-ui-bundle-v2`` package), and no inline script. The dashboard under /ui gets the same,
plus fonts and Trusted Types (``UI_CSP``): its fixed pages build themselves from JSON with DOM calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
    " frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
# The dashboard (/ui): scripts, styles, fonts and data from this server only, no inline script or
# style, and Trusted Types so that a string can never be assigned to innerHTML even by mistake.
UI_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
    " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
    " form-action 'self'; require-trusted-types-for 'script'; trusted-types 'none'"
)
DOCS_PATH = "/docs"
UI_PATH = "/ui"
STATIC = Path(__file__).parent / "static"
DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dragoman API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init/docs.js"></script>
</body>
</html>
"""


def api_headers(csp: str = API_CSP) -> dict[str, str]:
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Resource-Policy": "same-origin",
    }


class SecurityHeaders:
    """ASGI middleware adding the headers to every response, streamed ones included."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = DOCS_CSP if _under(path, DOCS_PATH) else UI_CSP if _under(path, UI_PATH) else API_CSP

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OURS]
                headers += [(k.lower().encode(), v.encode()) for k, v in api_headers(csp).items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


_OURS = frozenset(k.lower().encode() for k in api_headers())


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


def install_docs(app: Any) -> None:
    """Serve Swagger UI at /docs from the installed package, or a JSON hint when it is missing."""
    from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
    from fastapi.staticfiles import StaticFiles

    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        swagger_ui_path = None

    @app.get(DOCS_PATH, include_in_schema=False)
    def docs() -> Any:
        if swagger_ui_path is None:
            return JSONResponse(
                {
                    "docs": "/openapi.json",
                    "hint": "install the [service] extra for the interactive page",
                }
            )
        return HTMLResponse(DOCS_HTML)

    @app.get(f"{DOCS_PATH}/init/docs.js", include_in_schema=False)
    def docs_script() -> FileResponse:
        return FileResponse(STATIC / "docs.js", media_type="text/javascript")

    if swagger_ui_path is not None:
        app.mount(
            f"{DOCS_PATH}/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets"
        )
