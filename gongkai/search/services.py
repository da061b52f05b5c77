"""Keeping the index in step with the catalogue."""

from __future__ import annotations

import logging

from gongkai.catalogue.models import InformationItem
from gongkai.search.engine import get_backend

logger = logging.getLogger(__name__)


def search_sync_item(*, item_id: int) -> None:
    """Index the item if it is published, otherwise take it out of the index.

    Catalogue services call this through transaction.on_commit. The database stays the source
    of truth: if the index cannot be written the failure is logged (`search_rebuild` repairs
    it) rather than turning an already committed publish into an error page.
    """
    item = InformationItem.objects.filter(pk=item_id).first()
    backend = get_backend()
    try:
        if item is not None and item.status == InformationItem.Status.PUBLISHED:
            backend.index_items([item])
        else:
            backend.remove_items([item_id])
    except Exception:
        logger.exception("Search index not updated for information item %s", item_id)
