"""A small union–find over integer ids, for merging entities and grouping aligned facts."""

from __future__ import annotations


class DisjointSets:
    """Disjoint sets of ``0..size-1`` with path halving.

    Example:
        >>> sets = DisjointSets(3)
        >>> sets.union(0, 2)
        >>> sets.find(2) == sets.find(0) != sets.find(1)
        True
    """

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        """The representative of ``item``'s set."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        """Merge the sets of ``first`` and ``second`` (the smaller root wins, for determinism)."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)
