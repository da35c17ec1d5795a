"""One error shape for every API error, and the handlers that produce it.

    {"error": {"status": 422, "code": "invalid_parameter", "message": "...",
               "problems": [{"parameter": "limit", "message": "...", "value": "-1"}]}}

Bad input is a 4xx naming the parameter and the fix; anything unexpected is logged with its
traceback and answered with a 500 that carries no stack trace, path or SQL.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error the API answers with ``status`` and a message naming the fix."""

    def __init__(self, status: int, code: str, message: str, *, problems: list[dict[str, Any]] | None = None,
                 headers: dict[str, str] | None = None) -> None:  # fmt: skip
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems or []
        self.headers = headers or {}


def bad_parameter(name: str, message: str, value: object = None) -> ApiError:
    return ApiError(
        422, "invalid_parameter", f"{name}: {message}",
        problems=[{"parameter": name, "message": message, "value": value}],
    )  # fmt: skip


def error_body(
    status: int, code: str, message: str, problems: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if problems:
        body["problems"] = problems
    return {"error": body}


def install_handlers(app: Any) -> None:
    """Register the handlers on a FastAPI ``app`` (imported here so the module loads without FastAPI)."""
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from starlette.exceptions import HTTPException

    async def api_error(_request: Any, exc: ApiError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.status, exc.code, exc.message, exc.problems), exc.status, exc.headers
        )

    async def validation_error(_request: Any, exc: RequestValidationError) -> JSONResponse:
        problems = [_problem(e) for e in exc.errors()]
        message = (
            "; ".join(f"{p['parameter']}: {p['message']}" for p in problems) or "invalid request"
        )
        return JSONResponse(error_body(422, "invalid_parameter", message, problems), 422)

    async def http_error(_request: Any, exc: HTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such endpoint; see /docs for the API"
        return JSONResponse(
            error_body(exc.status_code, code, message), exc.status_code, exc.headers
        )

    async def internal_error(request: Any, exc: Exception) -> JSONResponse:
        from dragoman.service.security import api_headers

        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        message = "internal error; it was logged on the server, please report it"
        # Starlette answers a 500 outside all middleware, so the security headers are added here.
        return JSONResponse(error_body(500, "internal_error", message), 500, api_headers())

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, internal_error)


def _problem(error: dict[str, Any]) -> dict[str, Any]:
    loc = [
        str(part)
        for part in error.get("loc", ())
        if part not in ("query", "path", "body", "header")
    ]
    value = error.get("input")
    return {
        "parameter": ".".join(loc) or "request",
        "message": error.get("msg", "invalid value"),
        "value": value
        if isinstance(value, str | int | float | bool) or value is None
        else str(value),
    }
