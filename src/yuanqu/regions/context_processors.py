import logging

from django.db import DatabaseError

from .selectors import province_list

logger = logging.getLogger(__name__)


def regions(request):
    """The province list for the region switcher on every page. When the database cannot be
    read the page still renders, with the switcher offering only 全国."""
    try:
        return {"switcher_provinces": province_list()}
    except DatabaseError:
        logger.exception("the region switcher could not read the provinces")
        return {"switcher_provinces": []}
