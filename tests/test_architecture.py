"""The floors of the house (DESIGN.md): imports point down only. regions <- news <- parks <-
search; accounts <- moderation <- publishing; the audit log and the pure fact engine at the
bottom; the project's own modules (urls, cli, seed, the commands) on top. A lower app tells
higher ones through domain signals, never by importing them."""

import ast
from pathlib import Path

import yuanqu

ROOT = Path(yuanqu.__file__).parent
BASE = {"facts", "core"}  # the pure engine; yuanqu.access and friends (import no app)
# app: the apps it may import
MAY_IMPORT = {
    "facts": set(),
    "core": {"facts"},
    "regions": BASE,
    "audit": BASE,
    "news": BASE | {"regions", "audit"},
    "parks": BASE | {"regions", "audit", "news"},
    "search": BASE | {"regions", "audit", "news", "parks"},
    "accounts": BASE | {"regions"},
    "moderation": BASE | {"regions", "audit", "news", "accounts"},
    "publishing": BASE | {"regions", "audit", "news", "accounts", "moderation"},
}
APPS = set(MAY_IMPORT) - {"core"}
TOP = {
    "__main__",
    "urls",
    "cli",
    "seed",
    "management",
    "wsgi",
    "settings",
    "views",
    "devtools",
    "apps",
}


def app_of(parts: tuple[str, ...]) -> str:
    """The app a module path under yuanqu/ belongs to: its first part, `core` for the shared
    modules, `top` for the project's own."""
    head = parts[0].removesuffix(".py")
    if head in APPS:
        return head
    return "top" if head in TOP else "core"


def imported_apps(path: Path, source: str | None = None) -> set[str]:
    parts = path.relative_to(ROOT).parts
    package = ("yuanqu", *parts[:-1])
    found = set()
    source = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            dotted = name.split(".")
            if dotted[0] == "yuanqu" and len(dotted) > 1:
                found.add(app_of(tuple(dotted[1:])))
    return found


def test_no_module_imports_from_an_app_above_it():
    wrong = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        app = app_of(parts)
        if app == "top" or "migrations" in parts:
            continue
        for other in imported_apps(path) - {app} - MAY_IMPORT[app]:
            wrong.append(f"{'/'.join(parts)} ({app}) imports {other}")
    assert wrong == []


def test_the_checker_sees_an_upward_import():
    """The rule above can fail: a module of news importing parks, absolutely or relatively, is
    caught (checked on source text: nothing is written into the tree)."""
    module = ROOT / "news" / "services" / "probe.py"
    for source in ("from yuanqu.parks.models import Park\n", "from ...parks import models\n"):
        assert "parks" in imported_apps(module, source)
    assert "parks" not in MAY_IMPORT["news"]
