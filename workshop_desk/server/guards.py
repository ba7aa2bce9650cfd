"""What every request passes first: errors as JSON, a rate limit per device, the join code, cross-site and size checks,
and the safety headers and device cookie on every response."""

import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from workshop_desk.domain.phones import device_hash
from workshop_desk.server.replies import ApiError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_BODY = 4096  # bytes of a POST body
RATE, BURST = 10.0, 30.0  # requests per second per device, and the burst a device may send at once
COOKIE = "wd_device"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DEVICE_TOKEN = web.RequestKey("device_token", str)
_FORGET_AFTER = 60.0  # seconds: a device's bucket is full again long before then; older buckets are dropped


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    """A token bucket per device (its cookie, else its address): one phone that floods slows nobody else."""

    def __init__(self, rate: float = RATE, burst: float = BURST, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate, self.burst = rate, burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._swept = clock()

    def wait_for(self, key: str) -> float:
        """0 if `key` may go now (a token is taken), else the seconds until it may."""
        now = self._clock()
        self._sweep(now)
        bucket = self._buckets.setdefault(key, _Bucket(self.burst, now))
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate

    def _sweep(self, now: float) -> None:
        if now - self._swept > _FORGET_AFTER:
            self._buckets = {k: b for k, b in self._buckets.items() if now - b.at < _FORGET_AFTER}
            self._swept = now


def device_token(request: web.Request) -> str:
    """The phone's device token: its cookie, or a new one (set on the response, see `on_prepare`)."""
    token = request.get(DEVICE_TOKEN)
    if token is None:
        cookie = request.cookies.get(COOKIE, "")
        token = cookie if 16 <= len(cookie) <= 64 and cookie.isascii() else secrets.token_urlsafe(24)
        request[DEVICE_TOKEN] = token
    return token


def device(request: web.Request) -> str:
    """The hash of the phone's device token: what is stored and what keys its votes."""
    return device_hash(device_token(request))


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every refusal as `{"error": CODE}`; aiohttp's own 404 and 405 too (nothing but the API exists)."""
    try:
        return await handler(request)
    except ApiError as error:
        return error.response()
    except web.HTTPRequestEntityTooLarge:
        return ApiError("too_large").response()
    except (web.HTTPNotFound, web.HTTPMethodNotAllowed):
        return ApiError("not_found").response()


def rate_limit(limiter: RateLimiter) -> Any:
    @web.middleware
    async def limited(request: web.Request, handler: Handler) -> web.StreamResponse:
        key = request.cookies.get(COOKIE) or request.remote or "?"
        wait = limiter.wait_for(key)
        if wait:
            raise ApiError("rate_limited", retry_after=max(1, round(wait + 0.5)))
        return await handler(request)

    return limited


@web.middleware
async def same_site_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A POST comes from our own page: the custom header (a cross-site form cannot send it), our Origin if any, a
    JSON body of at most MAX_BODY bytes."""
    if request.method == "POST":
        origin = request.headers.get("Origin")
        own = f"{request.scheme}://{request.host}"
        if request.headers.get("X-Workshop-Desk") != "1" or (origin is not None and origin != own):
            raise ApiError("cross_site")
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise ApiError("too_large")
        if request.content_type != "application/json":
            raise ApiError("invalid", detail="JSON expected")
    return await handler(request)


def give_cookie(request: web.Request, response: web.StreamResponse, code: str) -> None:
    """The device cookie, for a phone that has none yet (its token is the one this request already used)."""
    if COOKIE not in request.cookies and not response.prepared:
        response.set_cookie(COOKIE, device_token(request), path=f"/s/{code}", httponly=True, samesite="Strict",
                            max_age=7 * 24 * 3600)


async def on_prepare(request: web.Request, response: web.StreamResponse) -> None:
    """Safety headers on every response, streams and refusals included."""
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    if "/api/" in request.path:
        response.headers["Cache-Control"] = "no-store"
