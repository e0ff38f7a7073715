"""``storylens serve``: a local web UI and JSON API over the store (read-only).

``create_app(db)`` builds the ASGI app (Starlette); `storylens.cli.serve` runs it on uvicorn.
"""

from storylens.serve.app import create_app

__all__ = ["create_app"]
