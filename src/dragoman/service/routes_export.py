"""GET /export/{format}: every matching canonical event (or report), streamed in chunks as it is read.

The text formats reuse dragoman.export's writers batch by batch (the header kept from the first
batch only), so a download is the same rows as ``dragoman export``; Parquet is written row group by
row group when pyarrow is installed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import StreamingResponse

from dragoman.export import FLAT_COLUMNS, TEXT_WRITERS, flat_record
from dragoman.model import Event, event_from_dict
from dragoman.service.errors import ApiError
from dragoman.service.params import FILTER_PARAMS, check_known, event_filters, newest_first
from dragoman.service.state import state_of
from dragoman.store.fusion import occurrence_from_dict

router = APIRouter()

BATCH = 2000  # events per chunk: a few hundred kB of text
MEDIA_TYPES = {
    "plover-json": ("application/x-ndjson", "jsonl"),
    "cameo-tsv": ("text/tab-separated-values; charset=utf-8", "tsv"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
HAS_HEADER = frozenset({"cameo-tsv", "csv"})


@router.get(
    "/export/{fmt}",
    tags=["export"],
    responses={200: {"content": {t: {} for t, _ in MEDIA_TYPES.values()}}},
)
def export(
    request: Request,
    fmt: str,
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    status: str | None = None,
    since: Annotated[str | None, Query(alias="from")] = None,
    until: Annotated[str | None, Query(alias="to")] = None,
    date: str | None = None,
    track: str | None = None,
    text: str | None = None,
    order: str | None = None,
    reports: Annotated[
        bool, Query(description="true: the per-article reports (/reports) instead of the canonical events.")
    ] = False,
) -> StreamingResponse:
    """All canonical events matching the /events filters as plover-json, cameo-tsv, csv or parquet
    (the rows of ``dragoman export``); ``reports=true`` exports the per-article reports instead."""
    if fmt not in MEDIA_TYPES:
        raise ApiError(
            404, "not_found", f"no export format {fmt!r}; use one of {', '.join(MEDIA_TYPES)}"
        )
    check_known(request.query_params.keys(), (*FILTER_PARAMS, "reports"))
    if fmt == "parquet":
        _require_pyarrow()  # before the response starts: afterwards no error can be sent
    filters = event_filters(actor=actor, country=country, event_type=type, status=status, since=since, until=until,
                            on=date, track=track, text=text)  # fmt: skip
    reader = state_of(request).reader
    if reports:
        events = (event_from_dict(r) for r in reader.iter_records(filters, newest_first=newest_first(order)))
    else:
        records = reader.iter_occurrence_records(filters, newest_first=newest_first(order))
        events = (occurrence_from_dict(r).event for r in records)
    chunks = _parquet_chunks(events) if fmt == "parquet" else _text_chunks(fmt, events)
    media_type, suffix = MEDIA_TYPES[fmt]
    headers = {"Content-Disposition": f'attachment; filename="dragoman-events.{suffix}"'}
    return StreamingResponse(chunks, media_type=media_type, headers=headers)


def _text_chunks(fmt: str, events: Iterable[Event]) -> Iterator[bytes]:
    writer = TEXT_WRITERS[fmt]
    first = True
    iterator = iter(events)
    while True:
        batch = list(islice(iterator, BATCH))
        if not batch and not first:
            return
        buf = io.StringIO()
        writer(batch, buf)
        text = buf.getvalue()
        if not first and fmt in HAS_HEADER:
            text = text.split("\n", 1)[1]
        first = False
        if text:
            yield text.encode("utf-8")
        if len(batch) < BATCH:
            return


def _require_pyarrow() -> None:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ApiError(
            501,
            "not_available",
            "Parquet export needs pyarrow on the server: pip install 'dragoman[parquet]'",
        ) from None


def _parquet_chunks(events: Iterable[Event]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    numeric = {
        "lat": pa.float64(),
        "lon": pa.float64(),
        "confidence": pa.float64(),
        "round": pa.int64(),
    }
    schema = pa.schema([(c, numeric.get(c, pa.string())) for c in FLAT_COLUMNS])
    sink = _Sink()
    iterator = iter(events)
    with pq.ParquetWriter(sink, schema) as writer:
        while batch := list(islice(iterator, BATCH)):
            rows = [flat_record(e) for e in batch]
            writer.write_table(
                pa.table({c: [r[c] for r in rows] for c in FLAT_COLUMNS}, schema=schema)
            )
            yield sink.take()
    yield sink.take()


class _Sink(io.RawIOBase):
    """A write-only file that hands its bytes out as they come (Parquet needs tell(), not seek())."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self._written = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self._written += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._written

    def take(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out
