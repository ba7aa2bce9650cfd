"""Fixtures for tests that run the app's code in other processes."""

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def child_env(tmp_path) -> dict[str, str]:
    """An environment for a child process whose user data folder is under `tmp_path`, in English."""
    return environment_under(tmp_path)


def environment_under(folder: Path) -> dict[str, str]:
    """An environment for a child process whose user data folder is under `folder`, in English."""
    home = folder / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update({
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "LANGUAGE": "",
        "PYTHONIOENCODING": "utf-8",
    })
    env.pop("LC_MESSAGES", None)
    return env


@pytest.fixture
def python() -> str:
    return sys.executable


@pytest.fixture
def data_home(child_env) -> Path:
    return Path(child_env["XDG_DATA_HOME"]) / "WorkshopDesk"


@pytest.fixture
def cli(python: str, child_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `workshop-desk ARGS…` in a child process, as a user would type it."""
    return command_line(python, child_env)


def command_line(python: str, child_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    """`workshop-desk ARGS…` run in a child process with this environment."""
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([python, "-m", "workshop_desk", *args], capture_output=True, text=True,
                              encoding="utf-8", env=child_env, timeout=180, check=False)
    return run
