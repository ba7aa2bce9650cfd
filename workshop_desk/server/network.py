"""The computer's IPv4 network interfaces, for the facilitator to pick the one the room's phones reach."""

import contextlib
import socket
import struct
import sys
from typing import NamedTuple

_SIOCGIFADDR = 0x8915  # Linux ioctl: an interface's address


class Interface(NamedTuple):
    name: str
    address: str


def interfaces() -> list[Interface]:
    """Every interface with an IPv4 address, loopback last (for rehearsing on this computer alone)."""
    found = _linux() if sys.platform.startswith("linux") else _elsewhere()
    unique = list(dict.fromkeys(found))
    if not any(i.address.startswith("127.") for i in unique):
        unique.append(Interface("lo", "127.0.0.1"))
    return sorted(unique, key=lambda i: i.address.startswith("127."))


def _linux() -> list[Interface]:
    import fcntl

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            packed = struct.pack("256s", name.encode()[:15])
            with contextlib.suppress(OSError):  # an interface without an IPv4 address
                reply = fcntl.ioctl(probe.fileno(), _SIOCGIFADDR, packed)
                found.append(Interface(name, socket.inet_ntoa(reply[20:24])))
    return found


def _elsewhere() -> list[Interface]:
    """Windows and macOS: the host name's addresses, and the one a route outwards would use (a UDP socket connected
    to a private address sends nothing)."""
    addresses = []
    with contextlib.suppress(OSError):
        addresses += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("10.255.255.255", 1))
        addresses.insert(0, probe.getsockname()[0])
    return [Interface(socket.gethostname(), str(address)) for address in dict.fromkeys(addresses)]
