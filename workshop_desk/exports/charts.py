"""Simple horizontal bar charts drawn with Pillow, as PNG bytes to place in a Word document."""

import io
from collections.abc import Callable, Sequence
from functools import cache

from PIL import Image, ImageColor, ImageDraw, ImageFont

BAR = "#2F5597"
# A palette image, which Pillow writes as PNG several times faster than an RGB one: index v is the grey (v, v, v),
# except index 0, the bars' blue. Text is drawn with ink 1 (black) over white (255), so its anti-aliased edges blend
# into indices 1–255, greys all, and never reach the blue.
_PALETTE = [*ImageColor.getrgb(BAR), *(level for grey in range(1, 256) for level in (grey, grey, grey))]
_BLUE, _BLACK, _GREY, _WHITE = 0, 1, 127, 255
_FONTS = ("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf", "DejaVuSans.ttf")
_SCALE = 2  # drawn at twice the size it is shown at, for a sharp print


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in _FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
         width: float) -> str:
    """`text`, cut with an ellipsis where it would run past `width` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    fits, too_long = 0, len(text)  # the longest prefix that fits with its ellipsis, found by halving
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if draw.textlength(text[:middle] + "…", font=font) <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits].rstrip() + "…"


def bar_chart(bars: Sequence[tuple[str, float]], shown: Callable[[float], str] = "{:g}".format,
              width: int = 900) -> bytes:
    """A PNG of one horizontal bar per (label, value), in the given order; values of 0 or less get no bar.

    `width` is in pixels at 1× (the image is drawn at twice that for print); labels take up to 45 % of it."""
    scale = _SCALE
    font = _font(14 * scale)
    row, gap, margin = 22 * scale, 6 * scale, 8 * scale
    full = width * scale
    height = margin * 2 + len(bars) * (row + gap)
    image = Image.new("P", (full, max(height, row + margin * 2)), _WHITE)
    image.putpalette(_PALETTE)
    draw = ImageDraw.Draw(image)
    draw.fontmode = "L"  # anti-aliased text, which Pillow leaves off by default on palette images
    labels_width = int(full * 0.45)
    figures_width = int(draw.textlength("0000000", font=font))
    bars_left = labels_width + margin
    bars_width = full - bars_left - figures_width - margin
    top = max((value for _label, value in bars), default=0.0)
    draw.line([(bars_left, margin // 2), (bars_left, height - margin // 2)], fill=_GREY, width=scale)
    for number, (label, value) in enumerate(bars):
        y = margin + number * (row + gap)
        middle = y + row // 2
        draw.text((labels_width, middle), _fit(draw, label, font, labels_width - margin), fill=_BLACK, font=font,
                  anchor="rm")
        length = int(bars_width * value / top) if top > 0 and value > 0 else 0
        if length:
            draw.rectangle([bars_left, y, bars_left + length, y + row], fill=_BLUE)
        draw.text((bars_left + length + margin // 2, middle), shown(value), fill=_BLACK, font=font,
                  anchor="lm")
    stream = io.BytesIO()
    image.save(stream, format="PNG", compress_level=1)  # a flat drawing: little to gain from more
    return stream.getvalue()
