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


def test_compiled_catalogue_matches_the_source():
    po = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if e.msgstr}
    mo = {e.msgid: e.msgstr for e in polib.mofile(str(PO.with_suffix(".mo"))) if e.msgid}
    assert mo == po, "run `make messages` to recompile django.mo"


def test_every_template_string_is_in_the_catalogue():
    msgids = {entry.msgid for entry in polib.pofile(str(PO))}
    used = set()
    for template in SRC.rglob("*.html"):
        used |= set(re.findall(r'{% translate "([^"]+)"', template.read_text(encoding="utf-8")))
    assert used - msgids == set()
