from .selectors import province_list


def regions(request):
    """The province list for the region switcher on every page."""
    return {"switcher_provinces": province_list()}
