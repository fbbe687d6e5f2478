"""gazette: Chinese government documents to structured JSON, with their figures fact-checked."""

from __future__ import annotations

from .api import parse_file, parse_text
from .errors import Code, GazetteError
from .model import SCHEMA_VERSION, Document

__all__ = ["Code", "Document", "GazetteError", "SCHEMA_VERSION", "parse_file", "parse_text"]
__version__ = "0.1.0"
