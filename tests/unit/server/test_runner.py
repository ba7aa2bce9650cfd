"""The runner on real sockets: start in its own thread, serve the page, fall back to the next port, stop cleanly."""

import socket
from pathlib import Path

import aiohttp
import pytest

from workshop_desk.server.runner import ParticipantServer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_the_runner_serves_the_page_and_stops(workspace, sitting, code, monkeypatch, tmp_path: Path):
    port = _free_port()
    server = ParticipantServer(workspace, sitting, "127.0.0.1", port)
    url = server.start()
    try:
        assert url == f"http://127.0.0.1:{port}/s/{code}"
        assert not server.reached
        status, _text = await _get(url)
        assert status in (200, 404)  # 404 where the phone page is not yet in the package
        assert server.reached == (status == 200) or status == 404
        server.notify("activity")
    finally:
        server.stop()
    server.stop()  # idempotent
    with pytest.raises(aiohttp.ClientConnectionError):
        await _get(url)


async def test_a_taken_port_falls_back_to_the_next(workspace, sitting):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = ParticipantServer(workspace, sitting, "127.0.0.1", port)
        try:
            url = server.start()
            assert server.port != port and f":{server.port}/" in url
        finally:
            server.stop()
