"""A RAG status printed only as a colour: the fill of the cell or shape behind a value.

Councils' reds, ambers, greens and blues vary (Excel's `FFC000` amber, `00B050` green, and its pale
`Good` / `Neutral` / `Bad` cell styles `C6EFCE`, `FFEB9C`, `FFC7CE`), so a fill is read by its hue, with
a tolerance, and only where it is clearly a colour (saturated enough, not too dark): greys, black and
white name no status. A pale blue names none either: it is the usual header or banding tint, so a Blue
status must be a strong blue.
"""
from __future__ import annotations

import colorsys

# Hue ranges in degrees, widest tolerance that keeps neighbours apart (amber is orange to yellow).
_HUES = (("Red", 345, 360), ("Red", 0, 15), ("Amber", 25, 60), ("Green", 75, 170), ("Blue", 190, 250))
MIN_SATURATION = 0.15  # Excel's pale `Good` green (C6EFCE) is 0.17
MIN_BLUE_SATURATION = 0.35
MIN_BRIGHTNESS = 0.35
MAX_STATUS_HEIGHT = 40.0  # points: a status cell or shape is a line or two high

Box = tuple[float, float, float, float]
Fill = tuple[Box, tuple[float, float, float]]


def rag_of_colour(rgb: tuple[float, float, float]) -> str | None:
    """`Red`, `Amber`, `Green`, `Blue` for a fill colour (components 0-1), or None."""
    hue, saturation, brightness = colorsys.rgb_to_hsv(*rgb)
    if saturation < MIN_SATURATION or brightness < MIN_BRIGHTNESS:
        return None
    degrees = hue * 360
    name = next((name for name, low, high in _HUES if low <= degrees <= high), None)
    return None if name == "Blue" and saturation < MIN_BLUE_SATURATION else name


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def rag_fill(fills: list[Fill], region: Box, value_box: Box | None) -> tuple[str | None, str | None]:
    """The RAG a card (or cell) shows as a fill inside `region`: (rating, problem).

    The fill behind the value wins; else the one status-coloured shape in the region. Bars across the
    region's whole width are banners, and tall or large fills chart bands or panels, not statuses. Two statuses and none behind the value: ambiguous.
    """
    width = region[2] - region[0]
    found: list[tuple[str, Box]] = []
    for box, rgb in fills:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        if not (region[0] <= cx <= region[2] and region[1] <= cy <= region[3]) or box[2] - box[0] > 0.8 * width:
            continue
        if box[3] - box[1] > MAX_STATUS_HEIGHT or _area(box) > 0.15 * _area(region):
            continue  # a chart's shaded band or a panel, not a status cell or shape
        if (rag := rag_of_colour(rgb)) is not None:
            found.append((rag, box))
    if value_box is not None:
        behind = [rag for rag, box in found if _overlap(box, value_box) > 0.5 * max(1.0, _area(value_box))]
        if behind:
            return behind[0], None
    names = {rag for rag, _ in found}
    if len(names) == 1:
        return names.pop(), None
    if len(names) > 1:
        return None, f"fills of several statuses ({', '.join(sorted(names))}) and none behind the value"
    return None, None


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
