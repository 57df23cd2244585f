"""The number parser against the third-party suites in shared/conformance/ (see docs/conformance.md)."""

import io
import os
from pathlib import Path

import pytest

from yuanqu.facts.conformance import run

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("CONFORMANCE_DIR", ROOT.parent / "shared" / "conformance"))


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    if not DATA.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"conformance data missing at {DATA}")
        pytest.skip(f"no conformance data at {DATA}")
    report = tmp_path_factory.mktemp("conformance") / "failures.md"
    rate = run(DATA, report, out=io.StringIO())
    return rate, report.read_text(encoding="utf-8")


def test_at_least_97_percent_of_in_scope_cases_pass(result):
    rate, report = result
    assert rate >= 0.97, report


def test_the_checked_in_failure_report_is_current(result):
    _, report = result
    checked_in = (ROOT / "docs" / "conformance-failures.md").read_text(encoding="utf-8")
    assert checked_in == report, "run `make conformance` and commit docs/conformance-failures.md"
