"""Reads of the region tree."""

from django.http import Http404

from .models import Region


def province_list() -> list[Region]:
    return list(Region.objects.provinces())


def province_by_slug(slug: str) -> Region:
    try:
        return Region.objects.provinces().get(slug=slug)
    except Region.DoesNotExist:
        raise Http404("unknown region") from None


def city_in(province: Region, code: str) -> Region:
    try:
        return Region.objects.select_related("parent").get(code=code, parent=province)
    except Region.DoesNotExist:
        raise Http404("unknown city") from None
