"""No input answers 500. Every URL pattern of the site, with its path segments and every GET
parameter the views read, is requested with values a fuzzer makes (arbitrary bytes, Unicode digits
such as ² and ①, NUL, numbers thousands of digits long, very long text), by a reader and by a
moderator; each answer must be below 500. Runs on SQLite and on PostgreSQL (each refuses other
things), deterministically (Hypothesis, derandomised, bounded)."""

import re
from pathlib import Path
from urllib.parse import quote, quote_from_bytes

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import yuanqu
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

SOURCE = Path(yuanqu.__file__).parent
# Every GET parameter any view reads (found in the code, so that a new one is fuzzed too).
PARAMETERS = sorted(
    set(
        re.findall(
            r"""(?:GET|params)\.(?:get|getlist)\(\s*["']([a-z_]+)["']""",
            "".join(p.read_text(encoding="utf-8") for p in SOURCE.rglob("*.py")),
        )
    )
    | {"city", "park", "source", "from"}  # read through helpers (search.views._param)
)
NASTY = [
    "",
    "0",
    "-1",
    "²",
    "①",
    "٣",
    "３２",
    "1" * 10_000,
    "9" * 19,
    "%",
    "' OR 1=1 --",
    "\x00",
    "a\x00b",
    "2024-13",
    "..",
    "../../etc/passwd",
    "<script>",
    "高新" * 2000,
    "\u202e",
    "😀",
    "1.5",
    "1e9",
    "NaN",
    "None",
    "null",
    "[]",
    "{}",
]
STAFF = re.compile(r"^(moderation|parks/(facts|articles|rows))/")


def patterns(resolver=None, prefix: str = ""):
    """(route with its converters, view name) of every URL pattern but the admin's."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith("admin/"):
            continue
        if isinstance(entry, URLResolver):
            yield from patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry.name


ROUTES = sorted({route for route, _ in patterns()})
SEGMENT = re.compile(r"<(?:(\w+):)?\w+>|\(\?P<\w+>[^)]*\)")


def encoded(value: str | bytes) -> str:
    return quote_from_bytes(value, safe="") if isinstance(value, bytes) else quote(value, safe="")


def fill(route: str, values: list) -> str:
    """The route with each converter replaced by a value (a regex route keeps its own shape)."""
    parts = iter(values)
    path = SEGMENT.sub(lambda m: encoded(next(parts, "1")), route)
    path = path.lstrip("^").rstrip("$").replace("\\", "")
    return "/" + path


values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@pytest.fixture(scope="module")
def people(demo_corpus):
    return {"reader": Client(), "moderator": _signed_in("fuzz-moderator", "moderator")}


def _signed_in(name: str, role: str) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user_with_role(name, role))
    return client


@pytest.mark.parametrize("route", ROUTES)
def test_no_input_answers_500(route, people):
    who = people["moderator"] if STAFF.match(route) else people["reader"]
    reader = Client(raise_request_exception=False)
    count = len(SEGMENT.findall(route))

    @settings(
        max_examples=12,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.lists(values, min_size=count, max_size=count),
        st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=4),
    )
    def requested(segments, query):
        path = fill(route, segments)
        qs = "&".join(f"{encoded(k)}={encoded(v)}" for k, v in query.items())
        for client in {who, reader}:
            response = client.get(f"{path}?{qs}" if qs else path)
            assert response.status_code < 500, (path, query, response.status_code)

    requested()


def test_the_fuzzer_reaches_every_kind_of_page():
    """The routes above are the site's: the home page, articles, parks, search, reports and the
    moderators' pages are among them (a test that fuzzed nothing would pass)."""
    assert len(ROUTES) > 25
    for route in (
        "",
        "news/<id:pk>/",
        "parks/<slug:slug>/",
        "search/",
        "report/<str:ticket>/",
        "moderation/articles/<id:pk>/",
        "media/<path:path>",
    ):
        assert route in ROUTES, route
    assert {"page", "q", "hl", "p", "article", "region"} <= set(PARAMETERS)


@pytest.mark.parametrize("value", NASTY)
def test_each_nasty_value_in_each_parameter_of_the_busiest_pages(value, people):
    for path in (
        "/",
        "/js/",
        "/parks/",
        "/parks/compare/",
        "/enterprises/",
        "/search/",
        "/report/",
        "/news/1/",
        "/moderation/audit/",
        "/moderation/",
    ):
        client = people["moderator"] if path.startswith("/moderation") else people["reader"]
        query = "&".join(f"{name}={encoded(value)}" for name in PARAMETERS)
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, (path, value, response.status_code)
