"""Regexes for sets of literal words that branch per character."""

import re


def trie_pattern(words) -> str:
    """A regex for a set of literal words that branches per character (Python's re tries the
    alternatives of a|b|c one after another); longer words win, as in a longest-first list."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict) -> str:
        ending = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ending:
            return f"(?:{body})?"
        return body

    return render(tree)
