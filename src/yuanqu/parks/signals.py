"""Domain signals of the knowledge base, sent by its services inside the write's transaction."""

from django.dispatch import Signal

# A published article was read (its park and industry links, facts, enterprises …): apps above
# parks refresh what they derive from it (search indexes it with its links). kwargs: article
article_read = Signal()
