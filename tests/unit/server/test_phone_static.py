"""The phone page's files, read without a browser: size, the vote-form registry, and what the page must never do."""

import gzip
import re
from pathlib import Path

import pytest

from workshop_desk.domain.vote_methods import METHODS

STATIC = Path(__file__).resolve().parents[3] / "workshop_desk" / "server" / "static"
SCRIPTS = sorted(STATIC.glob("*.js"))
LIMIT = 100 * 1024


def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_page_weighs_at_most_100_kb_gzipped() -> None:
    files = [p for p in STATIC.iterdir() if p.suffix in (".html", ".css", ".js")]
    total = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    assert {p.suffix for p in files} == {".html", ".css", ".js"}
    assert total <= LIMIT, f"{total} bytes gzipped"


def test_every_method_a_phone_can_vote_with_has_a_form() -> None:
    """The phone's registry holds exactly the methods whose domain spec says a phone can fill them in."""
    registered = set()
    for path in SCRIPTS:
        registered |= set(re.findall(r"^\s*FORMS\.(\w+)\s*=", _source(path), re.M))
    assert registered == {method.value for method, spec in METHODS.items() if spec.phones}


def test_the_index_loads_every_script_and_holds_no_inline_code() -> None:
    html = _source(STATIC / "index.html")
    loaded = re.findall(r'<script src="static/([\w.]+)" defer></script>', html)
    assert sorted(loaded) == sorted(p.name for p in SCRIPTS)
    assert len(re.findall(r"<script", html)) == len(loaded)
    assert not re.search(r"<style|\sstyle=|\son\w+=|javascript:", html, re.I)
    assert "user-scalable" not in html and "maximum-scale" not in html


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_never_parse_text_as_html_nor_run_strings(path: Path) -> None:
    code = _source(path)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute('style'", ".style."):
        assert sink not in code, f"{path.name} uses {sink}"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_use_only_what_ios_safari_13_understands(path: Path) -> None:
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", _source(path), flags=re.S)  # comments may say anything
    for pattern, name in ((r"\?\.(?!\d)", "optional chaining"), (r"\?\?", "nullish coalescing"),
                          (r"(?<![\w$])#\w+\s*[=(;]", "private fields"), (r"^\s*await\b", "top-level await"),
                          (r"^\s*(import|export)\b", "modules")):
        assert not re.search(pattern, code, re.M), f"{path.name} uses {name}"
    assert code.count("'use strict'") == 1
