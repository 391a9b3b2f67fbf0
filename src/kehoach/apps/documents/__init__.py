"""Imported documents, their import warnings, and storing an import (:mod:`.importing`)."""
