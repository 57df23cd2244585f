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


# Issue 12: every service and selector says what it takes and returns (STYLE.md, point 4).
HINTED = sorted(
    {
        *ROOT.glob("*/services.py"),
        *ROOT.glob("*/services/*.py"),
        *ROOT.glob("*/selectors.py"),
        ROOT / "seed.py",
    }
)


def hint_gaps(source: str, name: str) -> list[str]:
    """`name:line function (what lacks a hint)` for every function and method of the module,
    nested ones too, with a parameter (other than self and cls) or a return without a hint."""
    gaps = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        args = node.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
        missing = [
            param.arg
            for param in params
            if param is not None and param.annotation is None and param.arg not in {"self", "cls"}
        ]
        if node.returns is None:
            missing.append("return")
        if missing:
            gaps.append((node.lineno, f"{name}:{node.lineno} {node.name} ({', '.join(missing)})"))
    return [gap for _, gap in sorted(gaps)]


def test_services_and_selectors_have_type_hints():
    names = {"/".join(path.relative_to(ROOT).parts) for path in HINTED}
    assert {"news/services/lifecycle.py", "audit/selectors.py", "seed.py"} <= names
    gaps = []
    for path in HINTED:
        name = "/".join(path.relative_to(ROOT).parts)
        gaps += hint_gaps(path.read_text(encoding="utf-8"), name)
    assert gaps == []


def test_the_hint_checker_sees_what_is_missing():
    """The rule above can fail: each kind of missing hint is caught, and only those."""
    source = """
class Matcher:
    def __init__(self, parks):
        self.parks = parks

    @classmethod
    def build(cls) -> "Matcher":
        return cls([])


def article_hide(*, article: int, actor, now: int) -> None:
    pass


def counts(first: str, /, *names: str, **more) -> dict[str, int]:
    return {}


async def fetch(url: str):
    def flush():
        pass


def fine(self, value: int = 0, *, cls: str = "") -> int:
    return value
"""
    assert hint_gaps(source, "probe.py") == [
        "probe.py:3 __init__ (parks, return)",
        "probe.py:11 article_hide (actor)",
        "probe.py:15 counts (more)",
        "probe.py:19 fetch (return)",
        "probe.py:20 flush (return)",
    ]
