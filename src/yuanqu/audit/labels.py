"""The words an audit entry is shown with. Each app registers its own vocabulary (its events,
the fields it records before and after, and their values) from `AppConfig.ready()`, so that
the log, which sits below every app, never shows a code: only what the app said it means."""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

_events: dict[str, str] = {}
_targets: dict[str, str] = {}
_fields: dict[str, str] = {}
_values: dict[str, Mapping] = {}
_groups: dict[str, tuple[str, str]] = {}  # what the log is filtered by: {slug: (prefix, label)}
HIDDEN: set[str] = set()  # recorded for the machine (ids), not shown
BOOLEANS = {True: _("yes"), False: _("no")}


def register(
    *,
    events: Mapping | None = None,
    targets: Mapping | None = None,
    fields: Mapping | None = None,
    values: Mapping[str, Mapping] | None = None,
    groups: Mapping | None = None,
    hidden: tuple[str, ...] = (),
) -> None:
    """Add an app's words: `events` {dotted name: label}, `targets` {model name: label},
    `fields` {field recorded: label}, `values` {field: {value: label}}, `groups` {slug: (prefix
    of event names, label)}."""
    _events.update(events or {})
    _groups.update(groups or {})
    _targets.update(targets or {})
    _fields.update(fields or {})
    for name, mapping in (values or {}).items():
        _values[name] = {**_values.get(name, {}), **mapping}
    HIDDEN.update(hidden)


def groups() -> dict[str, str]:
    """{slug: label} of the kinds of entry, to filter the log by."""
    return {slug: str(label) for slug, (_prefix, label) in _groups.items()}


def group_prefix(slug: str) -> str:
    """The prefix of the event names of a kind of entry ("" for an unknown slug: every entry)."""
    return _groups[slug][0] if slug in _groups else ""


def event(name: str) -> str:
    return str(_events.get(name) or _("other change"))


def target(model_name: str) -> str:
    return str(_targets.get(model_name) or _("item"))


def field(name: str) -> str:
    return str(_fields.get(name) or name.replace("_", " "))


def order(name: str) -> int:
    """Fields are shown in the order their apps registered them (a database may hand a JSON
    object's keys back in another order), unknown ones last."""
    return list(_fields).index(name) if name in _fields else len(_fields)


def is_shown(name: str) -> bool:
    return name not in HIDDEN


def value(name: str, value) -> str:
    """A recorded value as words: a registered label, yes/no, a list joined, or the value."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return str(BOOLEANS[value])
    if isinstance(value, list):
        return "、".join(filter(None, (_plain(name, item) for item in value))) or "—"
    return _plain(name, value)


def _plain(name: str, item) -> str:
    mapping = _values.get(name, {})
    if isinstance(item, (str, int)) and item in mapping:
        return str(mapping[item])
    if isinstance(item, dict):
        return "，".join(f"{field(k)}：{value(k, v)}" for k, v in item.items() if is_shown(k))
    return str(item)
