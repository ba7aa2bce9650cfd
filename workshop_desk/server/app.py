"""The participant server's aiohttp application: its routes and guards over one sitting."""

from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from workshop_desk.server import routes
from workshop_desk.server.context import PARTICIPATION, STATIC, Participation
from workshop_desk.server.guards import MAX_BODY, RateLimiter, errors_as_json, on_prepare, rate_limit, same_site_json
from workshop_desk.services.workspace import Workspace


def make_app(workspace: Workspace, sitting_id: int, static_dir: Path = STATIC,
             on_change: Callable[[str, object], None] = lambda topic, subject: None,
             limiter: RateLimiter | None = None) -> web.Application:
    """The application serving one sitting's phones (`static_dir`: the phone page's files)."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[
        errors_as_json, rate_limit(limiter or RateLimiter()), routes.known_code, same_site_json])
    app[PARTICIPATION] = Participation(workspace, sitting_id, static_dir, on_change)
    app.on_response_prepare.append(on_prepare)
    app.on_shutdown.append(_close_streams)
    app.on_cleanup.append(_stop_workers)
    routes.add_routes(app)
    return app


async def _close_streams(app: web.Application) -> None:
    await app[PARTICIPATION].events.close()


async def _stop_workers(app: web.Application) -> None:
    app[PARTICIPATION].executor.shutdown(wait=True)
    app[PARTICIPATION].reader.shutdown(wait=True)
