"""POST /ingest: a page as JSON ({html|text|url, ...}) or as a raw text/html or text/plain body.

Protected by a bearer token (``--token`` or ``$DRAGOMAN_TOKEN``); with no token configured the
endpoint is disabled. URLs go through the guarded fetcher (dragoman.ingest.fetch).
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from dragoman.ingest.fetch import FetchFailed, FetchRefused
from dragoman.model import RawDocument, Rejected
from dragoman.options import IngestOptions
from dragoman.service import schemas
from dragoman.service.errors import ApiError
from dragoman.service.params import check_date, check_known
from dragoman.service.state import ServiceState, state_of

router = APIRouter()

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_BODY_DOC = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": schemas.IngestRequest.model_json_schema()},
            "text/html": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "/ingest", status_code=201, response_model=schemas.IngestResult, tags=["ingest"], openapi_extra=_BODY_DOC,
    responses={200: {"description": "Already stored: nothing added"}, 401: {}, 403: {}, 413: {}, 415: {}, 422: {}, 502: {}},
)  # fmt: skip
async def ingest(
    request: Request,
    published: Annotated[
        str | None, Query(description="YYYY-MM-DD, for a raw body or a URL.")
    ] = None,
    outlet: Annotated[
        str | None, Query(description="Outlet name, for a raw body or a URL.")
    ] = None,
    url: Annotated[
        str | None, Query(description="The page's URL, as metadata for a raw body.")
    ] = None,
) -> JSONResponse:
    """Ingest one page through the pipeline; re-posting the same page adds nothing."""
    state = state_of(request)
    _authorise(request, state.token)
    check_known(request.query_params.keys(), ("published", "outlet", "url"))
    meta = IngestOptions(published=check_date("published", published), outlet=outlet, url=url)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if (
        content_type != "application/json"
        and content_type not in HTML_TYPES
        and content_type != "text/plain"
    ):
        raise ApiError(415, "unsupported_media_type",
                       "send application/json ({html|text|url, ...}), text/html or text/plain")  # fmt: skip
    body = await _read_body(request, state.max_body)
    if content_type == "application/json":
        document = await run_in_threadpool(_from_json, state, body, meta)
    else:
        kind = "html" if content_type in HTML_TYPES else "text"
        document = state.intake.from_body(body, kind=kind, meta=meta)
    result = await run_in_threadpool(state.intake.run, document)
    if result.outcome == "rejected":
        reason = result.rejected.reason if result.rejected else "rejected"
        stage = result.rejected.stage if result.rejected else "ingest"
        raise ApiError(422, "rejected", f"the page was not ingested ({stage}): {reason}")
    events = [
        {"id": e.id, "event_type": e.event_type, "cameo": e.cameo, "status": e.status}
        for e in result.events
    ]
    body_out = {"outcome": result.outcome, "article_id": result.article_id, "events": events}
    return JSONResponse(body_out, status_code=201 if result.outcome == "stored" else 200)


def _authorise(request: Request, token: str | None) -> None:
    if token is None:
        raise ApiError(403, "ingest_disabled",
                       "POST /ingest is disabled: start the server with --token or $DRAGOMAN_TOKEN")  # fmt: skip
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        value.strip().encode(), token.encode()
    ):
        raise ApiError(401, "unauthorised", "send the server's token as 'Authorization: Bearer TOKEN'",
                       headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the body is larger than the {limit} byte limit")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"the body is larger than the {limit} byte limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _from_json(state: ServiceState, body: bytes, meta: IngestOptions) -> RawDocument | Rejected:
    try:
        data: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ApiError(
            422,
            "invalid_body",
            f'the body is not JSON ({e}); send an object such as {{"html": "..."}}',
        ) from e
    try:
        request = schemas.IngestRequest.model_validate(data)
    except ValidationError as e:
        problems = [
            {"parameter": ".".join(str(p) for p in err["loc"]) or "body", "message": err["msg"]}
            for err in e.errors()
        ]
        message = "; ".join(f"{p['parameter']}: {p['message']}" for p in problems)
        raise ApiError(422, "invalid_body", message, problems=problems) from e
    if request.html or request.text:
        record = request.model_dump(exclude_none=True)
        record.setdefault("published", meta.published)
        record.setdefault("outlet", meta.outlet)
        record.setdefault("url", meta.url)
        return state.intake.from_record(record)
    if request.url:
        merged = IngestOptions(
            published=request.published or meta.published, outlet=request.outlet or meta.outlet
        )
        try:
            return state.intake.from_url(request.url, meta=merged)
        except FetchRefused as e:
            raise ApiError(422, "url_refused", str(e)) from e
        except FetchFailed as e:
            raise ApiError(502, "fetch_failed", str(e)) from e
    raise ApiError(422, "invalid_body", "give one of html, text or url")
