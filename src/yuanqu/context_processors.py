from django.conf import settings


def site(request):
    """Operator details shown on every page (footer, about and report pages)."""
    return {
        "site_name": settings.YUANQU_SITE_NAME,
        "site_operator": settings.YUANQU_OPERATOR,
        "report_email": settings.YUANQU_REPORT_EMAIL,
        "report_phone": settings.YUANQU_REPORT_PHONE,
        "icp_number": settings.YUANQU_ICP,
    }
