"""Celery tasks: thin wrappers; without a broker they run inline (CELERY_TASK_ALWAYS_EAGER)."""

from __future__ import annotations

from celery import shared_task

from gongkai.engagement import services


@shared_task(name="engagement.deliver_broadcast_message")
def deliver_broadcast_message(message_id: int) -> int:
    """Send the message's pending deliveries batch by batch; safe to run again to resume."""
    return services.broadcast_deliver_all(message_id=message_id)
