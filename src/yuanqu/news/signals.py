"""Domain signals of articles, sent by the services in `services.lifecycle` inside the write's
transaction. Apps above news listen (wired in their `AppConfig.ready()`) and do their work after
commit: the knowledge base reads a published article, search indexes it or takes it out,
moderation tells the author of a decision. Nothing listens to `post_save` of an article.
"""

from django.dispatch import Signal

# An article became published, or the content of a published one changed (read it again).
# Its publication time may be later: readers see it from then on (`Article.objects.published`).
# kwargs: article
article_published = Signal()
# A published article is no longer public (taken down, hidden, withdrawn, sent back to review).
# kwargs: article
article_unpublished = Signal()
# Any transition: kwargs article, action ("take_down" …), entry (the audit row), actor, reason
article_status_changed = Signal()
# An import found the article as it already was (nothing written): what is derived from it
# must exist, and is made again where a crash cut it short. kwargs: article
article_seen = Signal()
