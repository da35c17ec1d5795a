"""The REST API (the ``[service]`` extra): ``create_app(db, token=None)`` and ``dragoman serve``.

    app.py           create_app: FastAPI app, error handlers, security headers, routers
    routes_read.py   /health /events /events/{id} /actors /articles/{id}
    routes_export.py /export/{format}, streamed
    routes_ingest.py POST /ingest (bearer token), through intake.py: the pipeline, one writer
    tracks.py        /tracks...: 501 until fusion
    reader.py        read-only indexed SQL, keyset pagination
    params.py        query parameters -> filters, cursors; 422s naming the fix

Importing this package needs no FastAPI; ``create_app`` says how to install it when it is missing.
"""

from __future__ import annotations

from dragoman.service.app import create_app

__all__ = ["create_app"]
