"""Signals any app may send, for the layers above it to act on."""

from django.dispatch import Signal

# Sent with ``sender=<model>`` after a write that sends no model signal of its
# own (``QuerySet.update()`` in an admin action, say), so that whatever is kept
# of the content (the page cache) can forget it.
content_updated = Signal()
