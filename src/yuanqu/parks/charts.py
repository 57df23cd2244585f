"""Indicator charts as inline SVG, drawn on the server with pygal.

Readers are mostly on phones: a chart costs them no script and no extra request, and works
without JavaScript. pygal's own styles and scripts are left out of the SVG (its `xml_filters`
hook); the site's stylesheet styles every chart the same way (`.pygal-chart` in site.css). Each
chart is shown beside a table of its data, which is what screen readers read.
"""

from decimal import Decimal

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

from .templatetags.figures import MONEY

WIDTH, HEIGHT = 640, 320
_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    value_font_size=13,
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=13,
)


def scale(unit: str, values) -> tuple[Decimal, str]:
    """The divisor and unit an axis shows values in: 元 in 亿元 or 万元, counts as they are."""
    largest = max((abs(Decimal(v)) for v in values), default=Decimal(0))
    if unit in MONEY or largest >= 10**8:
        if largest >= 10**8:
            return Decimal(10) ** 8, f"亿{unit}"
        if largest >= 10**4:
            return Decimal(10) ** 4, f"万{unit}"
    return Decimal(1), unit


def _without_style_and_script(root):
    """No <style>, no <script>, no style attribute: the page's Content-Security-Policy allows
    neither inline styles nor scripts. A style attribute (pygal hides its tooltip layers with
    `opacity: 0`) becomes the SVG presentation attributes that say the same."""
    for defs in root.findall("{http://www.w3.org/2000/svg}defs") + root.findall("defs"):
        for child in list(defs):
            if child.tag.rsplit("}", 1)[-1] in ("style", "script"):
                defs.remove(child)
    for element in root.iter():
        style = element.attrib.pop("style", None)
        for declaration in (style or "").split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() and value.strip():
                element.set(name.strip(), value.strip())
    return root


def _number(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.01")))


def _render(chart) -> SafeString:
    chart.xml_filters.append(_without_style_and_script)
    # pygal writes the SVG itself from numbers and our labels, which it escapes.
    return mark_safe(chart.render())


def _chart(kind, **options):
    return kind(
        style=_STYLE,
        width=WIDTH,
        height=HEIGHT,
        js=[],
        css=[],
        no_prefix=True,
        disable_xml_declaration=True,
        legend_at_bottom=True,
        print_values=True,
        truncate_legend=-1,
        truncate_label=-1,
        show_y_guides=True,
        **options,
    )


def series_chart(series: dict[str, dict[int, Decimal]], unit: str) -> SafeString:
    """A line per part of the year (全年, 上半年 …) over the years; bars when there is one year."""
    years = sorted({year for points in series.values() for year in points})
    divisor, shown = scale(unit, [v for points in series.values() for v in points.values()])
    line = len(years) > 1
    chart = _chart(
        pygal.Line if line else pygal.Bar,
        y_title=shown,
        print_values_position="center" if line else "top",
    )
    chart.x_labels = [f"{year}年" for year in years]
    chart.value_formatter = lambda value: f"{value:g}"
    for part, points in series.items():
        values = [points.get(year) for year in years]
        chart.add(part, [None if v is None else _number(v / divisor) for v in values])
    return _render(chart)


def bars_chart(bars: list[tuple[str, Decimal]], unit: str) -> SafeString:
    """One bar per label (parks side by side on one indicator)."""
    divisor, shown = scale(unit, [value for _, value in bars])
    chart = _chart(pygal.Bar, y_title=shown, show_legend=True, print_values_position="top")
    chart.value_formatter = lambda value: f"{value:g}"
    for label, value in bars:
        chart.add(label, [_number(value / divisor)])
    return _render(chart)
