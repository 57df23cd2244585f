from django.http import Http404
from django.shortcuts import render

from yuanqu.news.selectors import published_article


def report_info(request):
    """How to report content: the operator's report address, with the article named if given.

    The ticketed report flow replaces this page; until then it does what portals do today and
    gives the address, pre-filling an e-mail that names the article.
    """
    article = None
    article_id = request.GET.get("article", "")
    if article_id:
        if not article_id.isdigit():
            raise Http404("no such article")
        article = published_article(int(article_id))
    return render(request, "moderation/report_info.html", {"article": article})
