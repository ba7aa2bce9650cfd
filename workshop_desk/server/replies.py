"""The API's error replies: a JSON body `{"error": CODE}` with its status, raised anywhere and answered once."""

from typing import Any

from aiohttp import web

STATUS = {"not_found": 404, "unknown_badge": 404, "closed": 409, "invalid": 422, "too_long": 422, "empty": 422,
          "too_large": 413, "rate_limited": 429, "cross_site": 403, "badge_required": 403}


class ApiError(Exception):
    """An error the phone page turns into a sentence in its language (see docs/phones.md)."""

    def __init__(self, code: str, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.extra = extra

    def response(self) -> web.Response:
        headers = {"Retry-After": str(self.extra.pop("retry_after"))} if "retry_after" in self.extra else None
        return web.json_response({"error": self.code, **self.extra}, status=STATUS[self.code], headers=headers)
