"""A PNG line chart of build time against N, drawn with Pillow (no plotting stack needed)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

_COLOURS = ["#1a5fb4", "#b3261e", "#26a269", "#986a44", "#613583"]


def _font(size: int) -> ImageFont.ImageFont:
    for path in ("flyers/fonts/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default()


def line_chart(series: dict[str, list[tuple[int, float]]], out: Path, title: str) -> None:
    """Draw each series (name → [(N, seconds)]) on shared axes and save a PNG."""
    width, height, left, right, top, bottom = 1040, 520, 80, 360, 50, 60  # right: room for the legend
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font, small = _font(16), _font(13)
    points = [p for values in series.values() for p in values]
    if not points:
        image.save(out)
        return
    max_n = max(n for n, _ in points)
    max_s = max(s for _, s in points) * 1.1 or 1
    plot_w, plot_h = width - left - right, height - top - bottom

    def xy(n: int, s: float) -> tuple[float, float]:
        return left + plot_w * n / max_n, top + plot_h * (1 - s / max_s)

    draw.text((left, 15), title, fill="black", font=font)
    draw.line([(left, top), (left, top + plot_h), (left + plot_w, top + plot_h)], fill="black", width=2)
    for i in range(6):
        s = max_s * i / 5
        _, y = xy(0, s)
        draw.line([(left - 5, y), (left + plot_w, y)], fill="#dddddd")
        draw.text((10, y - 8), f"{s:.0f} s", fill="black", font=small)
    for n in sorted({n for n, _ in points}):
        x, _ = xy(n, 0)
        draw.text((x - 15, top + plot_h + 10), f"{n:,}".replace(",", "."), fill="black", font=small)
    draw.text((left + plot_w // 2 - 40, height - 25), "Angebote (N)", fill="black", font=small)
    for index, (name, values) in enumerate(series.items()):
        colour = _COLOURS[index % len(_COLOURS)]
        coords = [xy(n, s) for n, s in sorted(values)]
        if len(coords) > 1:
            draw.line(coords, fill=colour, width=3)
        for x, y in coords:
            draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=colour)
        ly = top + 10 + index * 24
        draw.rectangle([width - right + 15, ly, width - right + 30, ly + 12], fill=colour)
        draw.text((width - right + 36, ly - 2), name, fill="black", font=small)
    image.save(out, optimize=True)
