"""Every projector screen of the demo, and the busy ones, read from the back of the room: capitals at least 1/30 of
the screen height (1/20 for what the screen is about), nothing cut short, nothing overlapping or off the screen,
contrast 4.5:1 at least, and every option, action, note, person and group shown on some page."""

import itertools
import re
from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tests.ui.projector_cases import busy_contents, demo_contents
from workshop_desk import i18n
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.ui.projector import painting, registry
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.painting import DrawnText
from workshop_desk.ui.projector.window import ProjectorWindow

SIZES = ((1280, 720), (1366, 768), (3840, 2160))  # 1366: where a wrapped title once ran under the count
LANGUAGES = ("fr", "en")
MAX_PAGES = 12


@pytest.fixture(scope="module")
def contents(qapp: object) -> Iterator[dict[str, dict[str, ProjectorContent]]]:
    """The contents of every case, by language: the demo is walked once per language for the whole module."""
    found = {}
    for language in LANGUAGES:
        demo = demo_contents(language)
        found[language] = {**demo, **busy_contents(demo)}
    i18n.set_language("en")
    yield found


@pytest.fixture(scope="module")
def projector(qapp: object) -> Iterator[ProjectorWindow]:
    window = ProjectorWindow()
    yield window
    window.deleteLater()


def shown(window: ProjectorWindow, content: ProjectorContent, size: tuple[int, int]) -> list[list[DrawnText]]:
    """The texts drawn on each page of `content` (pages turn when a list does not fit), with their problems."""
    window.resize(*size)
    pages, number = [], 0
    while number < MAX_PAGES:
        with painting.recording() as drawn:
            window.show_content(_on_page(content, number))
            image = window.grab().toImage()
        pages.append([*drawn, *_problems(drawn, image, size[1])])
        number += 1
        if number >= window.pages():
            break
    return pages


def _on_page(content: ProjectorContent, number: int) -> ProjectorContent:
    from dataclasses import replace

    return replace(content, page=number) if hasattr(content, "page") else content


class Problem(str):
    """A sentence about a text the room could not read."""


def _problems(drawn: list[DrawnText], image: QImage, height: int) -> list[Problem]:
    problems = [Problem(p) for text in drawn for p in _text_problems(text, image, height)]
    problems += [Problem(f"«{a.text}» overlaps «{b.text}»") for a, b in itertools.combinations(drawn, 2)
                 if _overlap(a.ink, b.ink)]
    if drawn and not any(text.main for text in drawn):
        problems.append(Problem("no text is marked as what the screen is about"))
    return problems


def _text_problems(text: DrawnText, image: QImage, height: int) -> Iterator[str]:
    share = painting.MAIN if text.main else painting.READ
    if text.cap_height < height * share - 0.5:
        kind = "main text" if text.main else "text"
        yield f"{kind} «{text.text}» capitals 1/{height / text.cap_height:.0f} of the height"
    if text.elided:
        yield f"«{text.whole}» cut short as «{text.text}»"
    screen = QRectF(0, 0, image.width(), image.height()).adjusted(-1, -1, 1, 1)
    if not screen.contains(text.ink):
        yield f"«{text.text}» leaves the screen"
    ratio = contrast(text.colour, background(image, text))
    if ratio < 4.5:
        yield f"«{text.text}» contrast {ratio:.1f}:1"


def _overlap(a: QRectF, b: QRectF) -> bool:
    both = a.intersected(b)
    return both.width() > 1 and both.height() > 1


def background(image: QImage, text: DrawnText) -> QColor:
    """The commonest colour under a text's box that is not the text's own colour (its glyphs' edges blend)."""
    ink = text.ink.intersected(QRectF(0, 0, image.width() - 1, image.height() - 1))
    step_x, step_y = max(1.0, ink.width() / 16), max(1.0, ink.height() / 12)
    seen: Counter[int] = Counter()
    for i, j in itertools.product(range(17), range(13)):
        x, y = int(ink.left() + i * step_x), int(ink.top() + j * step_y)
        if x <= ink.right() and y <= ink.bottom():
            pixel = image.pixelColor(x, y)
            if _distance(pixel, text.colour) > 24:
                seen[pixel.rgb()] += 1
    return QColor.fromRgb(seen.most_common(1)[0][0]) if seen else text.colour


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def expected(content: ProjectorContent) -> list[str]:
    """The names the room must find on some page: options, actions and leads, notes and themes, people, groups."""
    if content.board is not None and content.mode == ProjectorMode.BOARD:
        return [note.text for note in content.board.notes] + [t.name for t in content.board.themes]
    if content.plan is not None and content.mode == ProjectorMode.PLAN:
        return [name for table in content.plan.tables for name in (table.title, *table.names)]
    if content.actions is not None and content.mode == ProjectorMode.ACTIONS:
        return [text for action in content.actions.actions for text in (action.title, action.lead) if text]
    if content.result is not None and content.mode == ProjectorMode.RESULTS:
        return [option.label for option in content.result.options]
    if content.joining is not None and content.mode == ProjectorMode.JOIN:  # the address may break before its path
        card = content.joining
        host, _slash, path = card.short_url.partition("/")
        return [host, "/" + path, card.wifi_name, card.wifi_password]
    if content.countdown is not None and content.mode == ProjectorMode.TIMER:
        return [content.countdown.label, content.countdown.speaker]
    return []


def _missing(content: ProjectorContent, pages: list[list[DrawnText]]) -> list[str]:
    wholes = " ¶ ".join(text.whole for page in pages for text in page if isinstance(text, DrawnText))
    missing = [name for name in expected(content) if name and name not in wholes]
    if content.head_count is not None and content.mode == ProjectorMode.WELCOME:
        names = [group.name for group in content.groups if group.id in content.head_count.by_group]
        if any(name not in wholes for name in names) and not re.search(r"\+\s?\d+", wholes):
            missing.append("some stakeholder groups, and no “+N others”")
    return missing


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_projector_screen_reads_from_the_back_of_the_room(
        contents: dict[str, dict[str, ProjectorContent]], projector: ProjectorWindow, language: str,
        size: tuple[int, int]) -> None:
    i18n.set_language(language)
    found: dict[str, list[str]] = {}
    read = {case: content for case, content in contents[language].items()
            if registry.entry(content.mode).toggle is None}  # black and white: nothing to read
    assert {content.mode for content in read.values()} == {e.mode for e in registry.ENTRIES if e.toggle is None}
    for case, content in read.items():  # every screen of the registry, as the screenshots walk it, and busy cases
        pages = shown(projector, content, size)
        problems = [str(p) for page in pages for p in page if isinstance(p, Problem)]
        problems += [f"«{name}» is on no page" for name in _missing(content, pages)]
        if problems:
            found[case] = sorted(set(problems))[:8]
    assert not found, "\n".join(f"{case}: {'; '.join(problems)}" for case, problems in found.items())


def test_the_recorder_measures_capitals_and_flags_elided_text(qapp: object) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    with painting.recording() as drawn:
        painting.draw_text(painter, QRectF(10, 10, 90, 60), "Environnement et cohésion", 40.0, "#FFFFFF")
    painter.end()
    assert [text.elided for text in drawn] == [True]
    assert 27 < drawn[0].cap_height < 31  # DejaVu Sans: capitals 0.73 of the pixel size
    assert contrast(QColor("#FFFFFF"), QColor("#000000")) == pytest.approx(21.0)
