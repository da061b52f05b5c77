"""``gongkai import-catalogue``: the same command as ``import_catalogue``, as the docs spell it."""

from gongkai.catalogue.management.commands.import_catalogue import Command

__all__ = ["Command"]
