"""The join screen paints codes a phone reads as the sitting's address and the room's Wi-Fi, at projector sizes."""

import pytest
from PySide6.QtGui import QImage

from workshop_desk import i18n
from workshop_desk.domain.enums import ProjectorMode
from workshop_desk.domain.joining import JoinCard, qr_modules
from workshop_desk.domain.models import Programme
from workshop_desk.ui.projector.content import ProjectorContent
from workshop_desk.ui.projector.join_screen import JoinScreen

CARD = JoinCard("Atelier mobilités", "http://192.168.8.20:8765/s/Xq7Tb2mKp9W", "Salle-du-Conseil", 'mot;de"passe')


def _render(qtbot, card: JoinCard, size: tuple[int, int]) -> QImage:
    screen = JoinScreen()
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.set_content(ProjectorContent(ProjectorMode.JOIN, programme=Programme(1, "Concertation"), joining=card))
    return screen.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _white_box(image: QImage, left: int, right: int) -> tuple[int, int, int, int]:
    """The box of a code and its quiet zone between columns `left` and `right`: the rows holding a long run of white
    (white text has none as long), and that run's ends."""
    xs, ys, least = [], [], image.height() // 10
    for y in range(image.height()):
        run = 0
        for x in range(left, right):
            run = run + 1 if image.pixel(x, y) & 0xFFFFFF == 0xFFFFFF else 0
            if run >= least:
                xs += [x - run + 1, x + 1]
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys) + 1


def _read(image: QImage, box: tuple[int, int, int, int], count: int) -> list[list[bool]]:
    """The modules of a code painted in `box`, read at the centre of each module."""
    x0, y0, x1, _y1 = box
    step = (x1 - x0) / count
    return [[image.pixel(int(x0 + (c + 0.5) * step), int(y0 + (r + 0.5) * step)) & 0xFFFFFF == 0
             for c in range(count)] for r in range(count)]


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1024, 768), (3840, 2160)])
def test_both_codes_read_back_as_the_wifi_and_the_address(qtbot, size: tuple[int, int]) -> None:
    i18n.set_language("fr")
    image = _render(qtbot, CARD, size)
    half = size[0] // 2
    for text, (left, right) in ((CARD.wifi_text, (0, half)), (CARD.url, (half, size[0]))):
        expected = [list(row) for row in qr_modules(text)]
        box = _white_box(image, left, right)
        assert box[2] - box[0] == box[3] - box[1], "a code is square"
        assert box[2] - box[0] >= size[1] * 0.2, "a code a fifth of the screen high: a metre wide on a 6 m screen"
        assert _read(image, box, len(expected)) == expected


def test_without_a_network_name_one_code_holds_the_address(qtbot) -> None:
    card = JoinCard("Atelier", "http://192.168.1.20:8765/s/-_Ab3xYz9Qk")
    image = _render(qtbot, card, (1366, 768))
    expected = [list(row) for row in qr_modules(card.url)]
    assert _read(image, _white_box(image, 0, 1366), len(expected)) == expected
