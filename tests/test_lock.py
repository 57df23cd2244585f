"""requirements/*.lock pin what pyproject.toml asks for, so `make venv` installs a working yuanqu.

pip installs the locks and then yuanqu with --no-deps: a dependency added to pyproject.toml but
not re-locked would be missing at run time, not at install time. `make lock` fixes a failure here.
pre-commit installs ruff by itself, at the version the dev extra pins.
"""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = PROJECT["dependencies"]
DEV = RUNTIME + PROJECT["optional-dependencies"]["dev"]


def pins(lock: str) -> dict[str, str]:
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", text, re.MULTILINE)
    }


@pytest.mark.parametrize(("lock", "requirements"), [("base.lock", RUNTIME), ("dev.lock", DEV)])
def test_the_lock_pins_every_requirement_within_its_range(lock, requirements):
    pinned = pins(lock)
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{name} is not in requirements/{lock}: run `make lock`"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"requirements/{lock} pins {name}=={pinned[name]}, outside {line!r}: run `make lock`"
        )


def test_the_dev_lock_keeps_the_runtime_pins():
    dev = pins("dev.lock")
    assert {name: dev.get(name) for name in pins("base.lock")} == pins("base.lock")


def test_pre_commit_runs_the_ruff_that_make_lint_runs():
    config = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    dev = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]
    (ruff,) = [str(r.specifier) for r in dev if r.name == "ruff"]
    assert set(re.findall(r"\bruff(==[\w.]+)", config)) == {ruff}
