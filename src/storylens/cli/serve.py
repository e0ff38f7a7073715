"""``storylens serve``: the web UI and JSON API over the store, on uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from storylens.cli.store_options import db_option

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(*, db: Path, host: str, port: int) -> None:
    """Browse, search and compare the stored stories in a web browser; JSON at /api/.

    The store is opened read-only: articles ingested while the server runs appear on reload.
    Listens on 127.0.0.1 unless --host says otherwise (a warning names the exposure).
    Everything is served locally: no CDN, no external fonts, no script.
    """
    from storylens.errors import StoreError
    from storylens.store.search import connect_readonly

    try:
        connect_readonly(db).close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if host not in LOOPBACK:
        click.echo(
            f"storylens: warning: listening on {host}: anyone who can reach this address can "
            "read the store (use --host 127.0.0.1 to keep it local)",
            err=True,
        )
    import uvicorn

    from storylens.serve import create_app

    click.echo(f"storylens: serving {db} at http://{_url_host(host)}:{port}/", err=True)
    uvicorn.run(create_app(db, host=host), host=host, port=port, log_level="warning")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
