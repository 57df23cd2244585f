"""The UI speaks Simplified Chinese: every string is translated and the compiled catalogue is current."""

import re
from pathlib import Path

import polib

SRC = Path(__file__).resolve().parents[1] / "src" / "yuanqu"
PO = SRC / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_message_is_translated_and_nothing_is_fuzzy():
    po = polib.pofile(str(PO))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def _translations(catalogue) -> dict:
    return {
        (e.msgid, e.msgid_plural): e.msgstr
        or tuple(e.msgstr_plural[k] for k in sorted(e.msgstr_plural))
        for e in catalogue
        if e.msgid and (e.msgstr or e.msgstr_plural)
    }


def test_compiled_catalogue_matches_the_source():
    po = _translations(polib.pofile(str(PO)))
    mo = _translations(polib.mofile(str(PO.with_suffix(".mo"))))
    assert mo == po, "run `make messages` to recompile django.mo"


def test_every_string_in_templates_and_code_is_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO))}
    used = set()
    for template in SRC.rglob("*.html"):
        used |= set(re.findall(r'{% translate "([^"]+)"', template.read_text(encoding="utf-8")))
    for module in SRC.rglob("*.py"):
        used |= set(re.findall(r'\b_\(\s*"([^"\n]+)"\s*\)', module.read_text(encoding="utf-8")))
    assert used - msgids == set(), "run `make messages` and translate the new strings"
