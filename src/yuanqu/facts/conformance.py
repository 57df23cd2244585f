"""Run the number and quantity parser against the third-party suites in shared/conformance/.

    python -m yuanqu.facts.conformance [DIR] [--report FILE]

Which files and cases are in scope, and why, is decided here and written in
docs/conformance.md; every in-scope failure is listed in the report with what was expected and
what the parser found.
"""

import argparse
import json
import re
import sys
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from .scan import quantities

# File-level scope: (family of the check, or None when the file is out of scope, reason).
FILES = {
    "recognizers-number": ("number", ""),
    "recognizers-percent": ("percent", ""),
    "recognizers-numberrange": ("range", ""),
    "recognizers-numberrange-experimental": ("range", ""),
    "recognizers-currency": ("unit", ""),
    "recognizers-dimension": ("unit", ""),
    "recognizers-ordinal": ("number", ""),
    "recognizers-age": (None, "ages are out of scope (the issue)"),
    "recognizers-temperature": (None, "temperatures are out of scope (the issue)"),
    "cn2an": ("number", ""),
    "cn2an-an2cn": ("number", ""),
    "cn2an-errors": (
        None,
        "strict-mode rejection of colloquial forms that park news use and we accept",
    ),
    "cn2an-transform": (None, "whole-string text normalisation"),
    "duckling-numeral": ("number", ""),
    "duckling-ordinal": ("number", ""),
    "duckling-money": ("unit", ""),
    "duckling-quantity": ("unit", ""),
    "duckling-distance": ("unit", ""),
    "duckling-volume": ("unit", ""),
    "duckling-temperature": (None, "temperatures are out of scope (the issue)"),
    "jionlp-money-extractor": ("span", ""),
    "jionlp-money-parser": ("unit", ""),
}
WHOLE_STRING = (None, "whole-string text normalisation (ITN/TN rewrites), out of scope (the issue)")

# Case-level scope: forms that written park news does not use, each a category with its reason.
CASE_RULES = [
    (
        "speech or OCR spacing inside a number (三 百 五)",
        re.compile(
            r"[0-9一二两三四五六七八九十百千万亿零壹贰叁肆伍陆柒捌玖拾佰仟萬億兩點点分之成余] +[0-9一二两三四五六七八九十百千万亿零壹贰叁肆伍陆柒捌玖拾佰仟萬億兩點点分之余]"
        ),
    ),
    (
        "mathematical notation (2^5, 1e1, 16/5, 1 4/3)",
        re.compile(r"\^|[0-9][eE][-+]?[0-9]|[0-9０-９]\s*/\s*[0-9０-９]|[0-9]+ [0-9]+/"),
    ),
    (
        "query-language comparison operators (大于, 不小于, ≥, 比…大, 等于)",
        re.compile(
            r"大于|小于|不大于|不小于|等于|≥|≤|<|>|比[^，]{1,8}[大小高低]|之下|之上|或者以上|或以上|或者更多|最多.*最少"
        ),
    ),
    (
        "retail and Cantonese money words, cheque sub-units, discounts (块, 毛, 角, 分, 蚊, 仙, 折)",
        re.compile(
            r"[块塊毛角蚊仙]|毫(?![米升克])|[個个]半|[0-9一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾零][分](?![之钟一二三四五六七八九])|折|美分|日本銭|^個|^个半|美刀|刀$|块钱"
        ),
    ),
    (
        "Cantonese fractions (四分一, 一又十分一)",
        re.compile(r"[一二三四五六七八九十]分[一二三四五六七八九]"),
    ),
    (
        "counters that multiply (打, 对, 双) and cooking measures",
        re.compile(r"[一二三四五六七八九十壹][打對对雙双]|茶匙|汤匙"),
    ),
    (
        "spoken magnitude-first forms (萬九, 千一, 米九, 二份一)",
        re.compile(
            r"^[萬万千][一二三四五六七八九]|^米[一二三四五六七八九]|米[一二三四五六七八九](左右)?$|份[一二三四五六七八九十]"
        ),
    ),
    (
        "SI suffixes and a leading decimal point (3M, .0012G, .77)",
        re.compile(r"[0-9][MG]|(?<![0-9])\.[0-9]"),
    ),
    (
        "vague numbers (几, 数十亿, 三五百)",
        re.compile(r"[几幾]|数[十百千万亿]|^[一二三四五六七八九][一二三四五六七八九][百千万亿]"),
    ),
    (
        "digit strings and leading zeros (零零三, 一二点三零 as text)",
        re.compile(r"^负?零[零一二三四五六七八九]|^[一二三四五六七八九零〇]{2,}(点|$)"),
    ),
    (
        "units outside quantities of the economy: data sizes, frequencies, calories, crypto, 两 and 位 as units",
        re.compile(
            r"比特|字节|赫兹|千卡|卡路里|Bitcoin|比特币|[0-9一二两三四五六七八九十百千万][两兩](?![千百万亿])|一位是|奈拉|naira"
        ),
    ),
    ("k-notation salaries (10k~15k)", re.compile(r"[0-9][kKwW]")),
]
UNITS = {
    "Chinese yuan": {"元"},
    "CNY": {"元"},
    "United States dollar": {"美元"},
    "Dollar": {"元", "美元"},
    "Hong Kong dollar": {"港元"},
    "HKD": {"港元"},
    "Euro": {"欧元"},
    "Japanese yen": {"日元"},
    "New Taiwan dollar": {"新台币"},
    "Swiss franc": {"瑞士法郎"},
    "Mu": {"亩"},
    "Kilogram": {"千克"},
    "Centimeter": {"厘米"},
    "Centimetre": {"厘米"},
    "Ton": {"吨"},
    "Meter": {"米"},
    "Metre": {"米"},
    "Jin": {"斤"},
    "Kilometer": {"公里"},
    "Kilometre": {"公里"},
    "Gram": {"克"},
    "Kilowatt": {"千瓦"},
    "Microgram": {"微克"},
    "Foot": {"英尺"},
    "Inch": {"英寸"},
    "Mile": {"英里"},
    "Litre": {"升"},
    "Millilitre": {"毫升"},
    "Gallon": {"加仑"},
}
TO_GRAMS = {
    "克": 1,
    "千克": 1000,
    "斤": 500,
    "吨": 1_000_000,
    "毫克": Decimal("0.001"),
    "微克": Decimal("0.000001"),
}
# The kind of quantity each unit suite's model returns: other numbers in its sentences are not
# its business (a currency model does not report 1600万 or 10万人).
KINDS = {
    "recognizers-currency": {"money"},
    "duckling-money": {"money"},
    "jionlp-money-parser": {"money"},
    "jionlp-money-extractor": {"money"},
    "recognizers-percent": {"percent", "points"},
    "recognizers-dimension": {"area", "length", "weight", "power", "energy", "volume"},
    "duckling-distance": {"length"},
    "duckling-volume": {"volume"},
    "duckling-quantity": {"weight"},
}


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "").rstrip("%"))
    except InvalidOperation:
        return None


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= max(abs(a), abs(b)) * Decimal("1e-12") + Decimal("1e-12")


def _interval(text: str) -> tuple[Decimal | None, Decimal | None]:
    low, high = text.strip("[]()").split(",")
    return (_decimal(low) if low else None, _decimal(high) if high else None)


def _unit_ok(expected: str | None, found: str | None, value: Decimal, got: Decimal) -> bool:
    if expected is None:
        return True
    if expected == "Gram" and found in TO_GRAMS:
        return _close(value, got * TO_GRAMS[found])
    if expected in UNITS:
        return found in UNITS[expected] and _close(value, got)
    if found is None and expected == "元":
        return _close(value, got)  # JioNLP's parser reads a bare amount as yuan
    return found == expected and _close(value, got)  # JioNLP names its units in Chinese


def _kind_of(unit: str | None) -> str | None:
    from .units import CANONICAL, FAMILY

    surfaces = [s for s in FAMILY if CANONICAL.get(s, s) == unit]
    return FAMILY[surfaces[0]] if surfaces else None


def check(family: str, case: dict, stem: str = "") -> tuple[bool, str]:
    """Whether the parser finds what the case expects, and what it found."""
    found = quantities(case["input"])
    if stem == "jionlp-money-parser":
        found = [q for q in found if q.unit is None or _kind_of(q.unit) == "money"]
    elif stem in KINDS:
        found = [
            q
            for q in found
            if _kind_of(q.unit) in KINDS[stem] or (family == "percent" and "分之" in q.text)
        ]
    if family == "range":
        found = [q for q in found if q.range_to is not None or q.approx in ("over", "under")]
    shown = "; ".join(
        f"{q.text}={q.value}{q.unit or ''}" + (f"..{q.range_to}" if q.range_to is not None else "")
        for q in found
    )
    expected = case["expected"]
    if not expected:
        return not found, shown or "nothing"
    if family == "span":
        texts = [q.text for q in found]
        return [e["text"] for e in expected] == texts, shown
    if len({(e["text"], e["start"]) for e in expected}) == 1 < len(expected):
        # One span, several readings (3千米 as 3 Kilometre and 3000 Metre): any one will do.
        return len(found) == 1 and any(_matches(family, want, found[0]) for want in expected), shown
    if len(found) != len(expected):
        return False, shown
    for want, got in zip(expected, found, strict=True):
        if not _matches(family, want, got):
            return False, shown
    return True, shown


def _matches(family: str, want: dict, got) -> bool:
    value = want["value"]
    if family == "range" or isinstance(value, list):
        low, high = _interval(value) if isinstance(value, str) else map(_decimal, value)
        unit_ok = family == "range" or _unit_ok(want["unit"], got.unit, low, got.value)
        if low is not None and high is not None and low != high:
            if got.range_to is None and got.approx == "over":
                return unit_ok and _close(got.value, low)  # JioNLP writes 3000多 as 3000–4000
            return unit_ok and _close(got.value, low) and _close(got.range_to, high)
        if low is None:
            return got.approx == "under" and _close(got.value, high)
        if high is None:
            return got.approx == "over" and _close(got.value, low)
        return _close(got.value, low)
    if family == "percent":
        if got.unit is None and "分之" in got.text:  # 千分之二 is 0.002, i.e. 0.2%
            return _close(got.value * 100, _decimal(value))
        return got.unit in ("%", "个百分点") and _close(got.value, _decimal(value))
    if family == "unit":
        return _unit_ok(want["unit"], got.unit, _decimal(value), got.value)
    return _close(got.value, _decimal(value))


def scope(stem: str, case: dict) -> str | None:
    """Why a case is out of scope, or None."""
    family, reason = FILES.get(stem, WHOLE_STRING)
    if family is None:
        return reason
    note = case.get("note", "")
    if "upstream skips this case on" in note and all(
        p in note for p in ("dotnet", "java", "javascript", "python")
    ):
        return "skipped by upstream on every platform (aspirational)"
    if not case["expected"] and stem in KINDS:
        return None  # a unit suite's negative tests what it should: no amount in 五角大楼
    if (
        not case["expected"]
        and stem == "recognizers-number"
        and re.search(r"美元|美刀|折|塊", case["input"])
    ):
        return (
            "the Number model leaves amounts of money and discounts to other models; we report them"
        )
    if (
        case["expected"]
        and all(e["value"] is None for e in case["expected"])
        and stem != "jionlp-money-extractor"
    ):
        return "unit names without an amount (人民币 美元)"
    if re.search(r"[0-9] [MG]\b", case["input"]):
        return "SI suffixes and a leading decimal point (3M, .0012G, .77)"
    texts = [str(e["text"]) for e in case["expected"]] or [case["input"]]
    for name, rule in CASE_RULES:
        if any(rule.search(text) for text in texts):
            return name
    return None


def run(directory: Path, report: Path | None = None, out=sys.stdout) -> float:
    in_scope = passed = 0
    excluded: Counter = Counter()
    failures = []
    out.write(f"{'file':42} {'in scope':>8} {'passed':>7} {'rate':>7}  out of scope\n")
    for path in sorted(directory.glob("*.jsonl")):
        stem = path.name.removesuffix("-zh.jsonl")
        family = FILES.get(stem, WHOLE_STRING)[0]
        cases = [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        file_scope = file_passed = 0
        for case in cases:
            reason = scope(stem, case)
            if reason:
                excluded[reason] += 1
                continue
            file_scope += 1
            ok, found = check(family, case, stem)
            file_passed += ok
            if not ok:
                failures.append((path.name, case, found))
        in_scope += file_scope
        passed += file_passed
        rate = f"{file_passed / file_scope:.1%}" if file_scope else "-"
        out.write(
            f"{path.name:42} {file_scope:>8} {file_passed:>7} {rate:>7}  {len(cases) - file_scope}\n"
        )
    total = passed / in_scope if in_scope else 0.0
    out.write(f"\nin scope: {in_scope} cases, passed {passed}: {total:.1%}\n")
    out.write("out of scope:\n" + "".join(f"  {n:5}  {r}\n" for r, n in excluded.most_common()))
    if report:
        report.write_text(_report(failures, in_scope, passed, excluded), encoding="utf-8")
    return total


def _report(failures, in_scope, passed, excluded) -> str:
    lines = [
        "# Conformance failures (generated by `make conformance`; do not edit by hand)",
        "",
        f"In scope: {in_scope} cases, passed {passed} ({passed / in_scope:.1%}). "
        "Why each failure fails is in docs/conformance.md.",
        "",
        "| file | input | expected | found |",
        "| --- | --- | --- | --- |",
    ]
    for name, case, found in failures:
        want = (
            "; ".join(
                f"{e['text']}={e['value']}{'' if e['unit'] is None else ' ' + str(e['unit'])}"
                for e in case["expected"]
            )
            or "nothing"
        )
        cells = [name, case["input"], want, found]
        lines.append(
            "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m yuanqu.facts.conformance")
    parser.add_argument("directory", nargs="?", default="../shared/conformance", type=Path)
    parser.add_argument("--report", type=Path)
    args = parser.parse_args(argv)
    if not args.directory.is_dir():
        print(f"no conformance data at {args.directory}", file=sys.stderr)
        return 2
    run(args.directory, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
