"""The phone page and its API under /s/{code} (docs/phones.md): each handler reads the request, calls one service in
a worker thread, and answers JSON built from plain values (never HTML)."""

from typing import Any

from aiohttp import web

from workshop_desk.domain.phones import ContributionError, state_json
from workshop_desk.domain.validation import ValidationError
from workshop_desk.domain.voting import Mark
from workshop_desk.server.batches import PaperSent
from workshop_desk.server.context import PARTICIPATION, Participation
from workshop_desk.server.guards import Handler, device, give_cookie
from workshop_desk.server.replies import ApiError


def _ctx(request: web.Request) -> Participation:
    return request.app[PARTICIPATION]


def language(request: web.Request) -> str:
    """French for a phone that asks for it first, English otherwise."""
    first = request.headers.get("Accept-Language", "").split(",")[0].strip().lower()
    return "fr" if first.startswith("fr") else "en"


@web.middleware
async def known_code(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Under /s/{code}: the sitting's current join code, with phones switched on; anything else is not found."""
    code = request.match_info.get("code")
    if code is not None:
        ctx = _ctx(request)
        settings = await ctx.settings()
        if not settings.enabled or settings.join_code is None or code != settings.join_code:
            raise ApiError("not_found")
        response = await handler(request)
        give_cookie(request, response, code)
        return response
    return await handler(request)


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as error:
        raise ApiError("invalid", detail="JSON expected") from error
    if not isinstance(body, dict):
        raise ApiError("invalid", detail="JSON object expected")
    return body


def _whole(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiError("invalid", detail="whole number expected")
    return value


def _text(body: dict[str, Any]) -> str:
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError("empty")
    return text


# --- Pages ------------------------------------------------------------------------------------------------------

async def page(request: web.Request) -> web.StreamResponse:
    ctx = _ctx(request)
    ctx.events.reached = True
    return _file(ctx, "index.html")


async def join(request: web.Request) -> web.StreamResponse:
    """The join URL as printed (no trailing slash): the page's relative `static/…` URLs need the slash."""
    return web.Response(status=308, headers={"Location": f"/s/{request.match_info['code']}/"})


async def static(request: web.Request) -> web.StreamResponse:
    return _file(_ctx(request), request.match_info["path"])


def _file(ctx: Participation, name: str) -> web.StreamResponse:
    """A file of the static folder, never one outside it."""
    folder = ctx.static_dir.resolve()
    path = (folder / name).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        raise ApiError("not_found")
    return web.FileResponse(path)


# --- Reading ----------------------------------------------------------------------------------------------------

async def state(request: web.Request) -> web.Response:
    ctx, phone = _ctx(request), device(request)
    view = await ctx.views.ask(ctx.reader, (phone, ctx.badges.get(phone)))
    return web.json_response({"version": ctx.events.version, **state_json(view, phone)})


async def events(request: web.Request) -> web.StreamResponse:
    return await _ctx(request).events.stream(request)


# --- Sending ----------------------------------------------------------------------------------------------------

async def add_idea(request: web.Request) -> web.Response:
    ctx, phone, body = _ctx(request), device(request), await _body(request)
    if not await ctx.run(ctx.workspace.phones.capture_open, ctx.sitting_id):
        raise ApiError("closed")
    try:
        added = await ctx.run(ctx.workspace.phones.add_idea, ctx.sitting_id, _text(body), phone,
                              _whole(body.get("theme_id")), ctx.badges.get(phone), _whole(body.get("table_id")))
    except ContributionError as error:
        raise ApiError(error.code) from error
    ctx.changed("ideas", added.id)
    return web.json_response({"id": added.id, "status": added.status}, status=201)


async def add_question(request: web.Request) -> web.Response:
    ctx, phone, body = _ctx(request), device(request), await _body(request)
    try:
        added = await ctx.run(ctx.workspace.phones.add_question, ctx.sitting_id, _text(body), phone,
                              ctx.badges.get(phone))
    except ContributionError as error:
        raise ApiError(error.code) from error
    ctx.changed("questions", added.id)
    return web.json_response({"id": added.id, "status": added.status}, status=201)


async def vote_question(request: web.Request) -> web.Response:
    ctx, phone = _ctx(request), device(request)
    await _body(request)
    try:
        question = await ctx.run(ctx.workspace.phones.vote_question, ctx.sitting_id,
                                 int(request.match_info["id"]), phone, ctx.badges.get(phone))
    except LookupError as error:
        raise ApiError("not_found") from error
    ctx.changed("questions", question.id)
    return web.json_response({"votes": question.votes, "voted": True})


def _marks(body: dict[str, Any]) -> tuple[Mark, ...]:
    marks = body.get("marks")
    if not isinstance(marks, list) or not all(isinstance(mark, dict) for mark in marks):
        raise ApiError("invalid", detail="marks expected")
    try:
        return tuple(Mark(int(m["option_id"]), float(m.get("value", 0)), _whole(m.get("criterion_id")),
                          str(m.get("axis") or ""), str(m.get("comment") or "")[:500]) for m in marks)
    except (KeyError, TypeError, ValueError) as error:
        raise ApiError("invalid", detail="marks expected") from error


async def cast_paper(request: web.Request) -> web.Response:
    ctx, phone, body = _ctx(request), device(request), await _body(request)
    marks = _marks(body)
    ballot_id = int(request.match_info["id"])
    try:
        paper = await ctx.papers.ask(ctx.executor, PaperSent(ctx.workspace.phones, ctx.sitting_id, ballot_id, marks,
                                                             phone, ctx.badges.get(phone), language(request)))
    except ContributionError as error:
        raise ApiError(error.code) from error
    except ValidationError as error:
        raise ApiError("invalid", detail=str(error)) from error
    except LookupError as error:
        raise ApiError("not_found") from error
    ctx.changed("ballot", (ballot_id, paper))
    return web.json_response({"recorded": True})


async def badge(request: web.Request) -> web.Response:
    ctx, phone, body = _ctx(request), device(request), await _body(request)
    code = body.get("badge")
    found = await ctx.run(ctx.workspace.phones.badge_check, code) if isinstance(code, str) and code.strip() else None
    if found is None:
        raise ApiError("unknown_badge")
    ctx.badges[phone] = found
    name = await ctx.run(ctx.workspace.phones.name_of, found)
    return web.json_response({"name": name})


def add_routes(app: web.Application) -> None:
    app.router.add_get("/s/{code}", join)
    app.router.add_get("/s/{code}/", page)
    app.router.add_get("/s/{code}/static/{path:.+}", static)
    app.router.add_get("/s/{code}/api/state", state)
    app.router.add_get("/s/{code}/api/events", events)
    app.router.add_post("/s/{code}/api/ideas", add_idea)
    app.router.add_post("/s/{code}/api/questions", add_question)
    app.router.add_post(r"/s/{code}/api/questions/{id:\d+}/vote", vote_question)
    app.router.add_post(r"/s/{code}/api/ballots/{id:\d+}/paper", cast_paper)
    app.router.add_post("/s/{code}/api/badge", badge)
