"""The data every installation starts with, loaded by `yuanqu init` through each app's
services (never by data migrations, which would import live code): the region tree, the park
registry with the industry taxonomy and curated enterprises, the role groups, and the search
index of parks and enterprises. Idempotent: a second run changes nothing."""

from yuanqu.accounts.services import roles_sync
from yuanqu.parks.services import registry_sync
from yuanqu.regions.services import regions_sync
from yuanqu.search.services import registry_sync as search_registry_sync


def seed_all() -> dict[str, int]:
    """{what: rows changed}."""
    changed = {"regions": regions_sync()}
    changed.update(registry_sync())
    changed["roles"] = roles_sync()
    changed["indexed"] = search_registry_sync()
    return changed
