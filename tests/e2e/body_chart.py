# Where things are on the body chart, for tests that click it like a user: the figure's outline
# and region centres from data/body/*.svg, and where the app drew the figure on the screen,
# found in a screenshot (GTK 4.8 tells the accessibility tree no sizes or positions).

import os
import re
import subprocess

BODY_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "body")


def _paths(view):
    with open(os.path.join(BODY_DIR, f"{view}.svg")) as f:
        svg = f.read()
    regions = svg[svg.index('<g id="regions">'):]
    regions = regions[:regions.index("</g>")]
    for match in re.finditer(r'<path id="([^"]+)"[^>]* d="([^"]+)"', regions):
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", match.group(2))]
        yield match.group(1), list(zip(numbers[0::2], numbers[1::2]))


def _inside(polygon, x, y):
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def figure_extents(view):
    """The silhouette's bounds in viewBox units: (x0, y0, x1, y1)."""
    points = [p for _, polygon in _paths(view) for p in polygon]
    return (min(p[0] for p in points), min(p[1] for p in points),
            max(p[0] for p in points), max(p[1] for p in points))


def region_centre(view, region):
    """A point well inside the region, in viewBox units."""
    polygon = dict(_paths(view))[region]
    xs = [p[0] for p in polygon]
    ys = [p[1] for p in polygon]
    best, best_distance = None, -1.0
    for i in range(1, 30):
        for j in range(1, 30):
            x = min(xs) + (max(xs) - min(xs)) * i / 30
            y = min(ys) + (max(ys) - min(ys)) * j / 30
            if not _inside(polygon, x, y):
                continue
            distance = min((x - px) ** 2 + (y - py) ** 2 for px, py in polygon)
            if distance > best_distance:
                best, best_distance = (x, y), distance
    return best


def drawn_figure(screenshot, area):
    """Where the figure is in a screenshot: the bounding box (x, y, w, h) of what is not
    background inside area = (x, y, w, h) of the screen."""
    x, y, w, h = area
    out = subprocess.run(["convert", screenshot, "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                          "-fuzz", "3%", "-format", "%@", "info:"],
                         capture_output=True, text=True, check=True).stdout
    tw, th, tx, ty = (int(n) for n in re.match(r"(\d+)x(\d+)\+(\d+)\+(\d+)", out).groups())
    return x + tx, y + ty, tw, th


def screen_point(view, drawn, point):
    """The screen position of a viewBox point, given where the silhouette was drawn."""
    x0, y0, x1, y1 = figure_extents(view)
    dx, dy, dw, dh = drawn
    # Across, from hand to hand: the L and R marks below the feet do not widen it.
    scale = dw / (x1 - x0)
    return round(dx + (point[0] - x0) * scale), round(dy + (point[1] - y0) * scale)
