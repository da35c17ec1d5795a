"""``dragoman serve``: run the REST API under uvicorn. Registered in dragoman.cli like ``eval``."""

from __future__ import annotations

import click

from dragoman.errors import DragomanError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="SQLite database file, or a postgresql://user@host/db URL (default: $DRAGOMAN_DB, else ./dragoman.db).")  # fmt: skip
@click.option("--token", envvar="DRAGOMAN_TOKEN", default=None,
              help="Bearer token for POST /ingest (or $DRAGOMAN_TOKEN); without one, POST /ingest is disabled.")  # fmt: skip
def serve_command(host: str, port: int, db: str | None, token: str | None) -> None:
    """Serve the REST API (docs at /docs); needs: pip install 'dragoman[service]'."""
    from dragoman.service.app import INSTALL_HINT, create_app
    from dragoman.store import default_db_path
    from dragoman.store.database import redact

    try:
        import uvicorn
    except ImportError as e:
        raise click.ClickException(INSTALL_HINT) from e
    path = db or default_db_path()
    try:
        app = create_app(path, token or None)
    except DragomanError as e:
        raise click.ClickException(str(e)) from e
    ingest = (
        "POST /ingest enabled (bearer token)" if token else "POST /ingest disabled (no --token)"
    )
    click.echo(f"serving {redact(path)} on http://{host}:{port}  (docs: /docs; {ingest})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
