"""Errors dragoman raises.

    DragomanError            base of every error dragoman raises
    ├── ConfigError          an option or extra is missing or wrong (names the fix)
    ├── DataFileError        a package data file (lexicon, gazetteer) is malformed (file:line)
    ├── IngestError          a source could not be read
    ├── CleanError           a document has no usable article text
    └── StoreError           the database could not be opened, migrated or written

Expected refusals of single items (empty file, binary junk) are ``Rejected`` records, not
exceptions that reach the caller: the runner turns an item's IngestError/CleanError into one.
"""


class DragomanError(Exception):
    """Base of every error dragoman raises."""


class ConfigError(DragomanError):
    """An option, extra or environment setting is missing or wrong."""


class DataFileError(DragomanError):
    """A data file (lexicon, gazetteer, ontology table) is malformed."""


class IngestError(DragomanError):
    """A source could not be read."""


class CleanError(DragomanError):
    """A document has no usable article text."""


class StoreError(DragomanError):
    """The store could not be opened, migrated or written."""
