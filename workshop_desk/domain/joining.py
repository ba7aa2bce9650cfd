"""How the room joins from its phones: the Wi-Fi and join-address QR texts, and the card that shows them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workshop_desk.i18n import N_

if TYPE_CHECKING:
    import qrcode

# The standard's reserved characters in a Wi-Fi QR code (ZXing's WIFI: format, read by iOS and Android cameras).
_WIFI_SPECIAL = '\\;,":'

# The three steps the room reads, in order; without the third, a phone on a network with no internet may go back to
# its mobile data and never reach the laptop.
STEPS = (
    N_("Join the Wi-Fi"),
    N_("Scan the code"),
    N_("Stay connected, even without internet"),
)
# The first step when no network is named at the console (the room asks at the desk).
UNNAMED_WIFI = N_("Join the room's Wi-Fi (ask the team for its name)")

# What the third step means in practice, under it on the join screen and the printed card.
STAY = N_("If your phone offers to leave this network because it has no internet, choose to stay.")


@dataclass(frozen=True, slots=True)
class JoinCard:
    """What the join screen and the printed card show for one sitting."""

    sitting_title: str
    url: str  # http://ADDRESS:PORT/s/CODE
    wifi_name: str = ""  # empty: the room's network is not named (the facilitator has not entered it)
    wifi_password: str = ""

    @property
    def wifi_text(self) -> str:
        """The Wi-Fi QR code's text, or "" when no network is named."""
        return wifi_payload(self.wifi_name, self.wifi_password) if self.wifi_name else ""

    def first_steps(self, translate: Callable[[str], str]) -> str:
        """Steps 1 and 2 on one line, for a card or screen with the address's code alone (no network named)."""
        return f"1. {translate(UNNAMED_WIFI)} · 2. {translate(STEPS[1])}"

    @property
    def short_url(self) -> str:
        """The address as typed by hand: without "http://", which every phone browser adds."""
        return self.url.removeprefix("http://")


def join_url(address: str, port: int, code: str) -> str:
    """The address a phone opens to join a sitting: `http://ADDRESS:PORT/s/CODE`."""
    return f"http://{address}:{port}/s/{code}"


def _escaped(text: str) -> str:
    return "".join("\\" + c if c in _WIFI_SPECIAL else c for c in text)


def wifi_payload(name: str, password: str) -> str:
    """`WIFI:T:WPA;S:name;P:password;;` (an open network: `T:nopass`), reserved characters escaped."""
    if not password:
        return f"WIFI:T:nopass;S:{_escaped(name)};;"
    return f"WIFI:T:WPA;S:{_escaped(name)};P:{_escaped(password)};;"


def qr_maker(text: str, box_size: int = 10) -> "qrcode.QRCode":  # type: ignore[type-arg]
    """The one QR encoder of the app (badges, join codes): medium error correction, the standard's quiet zone.
    qrcode is imported here (75 ms): opening a file builds the console's join card type, not a code."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    maker = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box_size, border=4)
    maker.add_data(text)
    maker.make(fit=True)
    return maker


def qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark (True) and light modules, quiet zone included, row by row: for painting it at any size."""
    return tuple(tuple(row) for row in qr_maker(text).get_matrix())
