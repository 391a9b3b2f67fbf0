"""``bulk_saved``: rows were written by set-based statements (``COPY``, ``bulk_create``, ``bulk_update``),
which send no ``post_save``. Sent once per statement set with the model as sender; those who follow
changes to rows (``assessment.freshness``) listen to it as to ``post_save``."""

from django.dispatch import Signal

bulk_saved = Signal()  # sender: the model class
