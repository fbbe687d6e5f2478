"""The coded catalogue of errors (E…) and warnings (W…).

The library raises `GazetteError` subclasses carrying a catalogue code; only the CLI turns them
into one line on stderr and an exit code. A test checks that every code is unique and used.
"""

from __future__ import annotations

from enum import Enum, IntEnum


class Code(str, Enum):
    """Every error and warning the library can emit. The value is the stable code."""

    # input files
    FILE_NOT_FOUND = "E001"
    IS_DIRECTORY = "E002"
    EMPTY_INPUT = "E003"
    BINARY_INPUT = "E004"
    UNDECODABLE = "E005"
    UNSUPPORTED_FORMAT = "E006"
    UNREADABLE = "E007"
    TOO_LARGE = "E008"
    TOO_MANY_CHARS = "E009"
    TOO_MANY_PAGES = "E010"
    UNPACKED_TOO_LARGE = "E011"
    NOT_TEXT = "E012"
    OUT_OF_MEMORY = "E013"
    # PDF
    PDF_NO_TEXT = "E101"
    PDF_ENCRYPTED = "E102"
    PDF_CORRUPT = "E103"
    # other formats
    DOCX_CORRUPT = "E111"
    HTML_NO_BODY = "E121"
    # the contract
    SPAN_OUT_OF_RANGE = "E201"
    SCHEMA_INVALID = "E202"
    SCHEMA_INCOMPATIBLE = "E203"
    JSON_UNREADABLE = "E204"
    INTEGRITY = "E205"
    # batch
    BATCH_TIMEOUT = "E301"
    BATCH_WORKER_DIED = "E302"
    BATCH_NO_INPUTS = "E303"
    BATCH_STAGE_FAILED = "E304"
    BATCH_OUTPUT_CONFLICT = "E305"
    BATCH_MEMORY = "E306"
    BATCH_LOCKED = "E307"
    # usage
    BAD_ARGUMENT = "E401"
    # outputs
    OUTPUT_IS_INPUT = "E501"
    OUTPUT_EXISTS = "E502"
    OUTPUT_WRONG_KIND = "E503"
    OUTPUT_UNWRITABLE = "E504"
    # reviews
    BAD_REVIEW = "E601"
    REVIEW_NO_CHECK = "E602"
    # warnings
    ENCODING_GUESSED = "W001"
    CONTROL_CHARS_REMOVED = "W002"
    HARD_WRAP_JOINED = "W003"
    SPACED_DIGITS_CLOSED = "W004"
    PDF_UNMAPPED_GLYPHS = "W101"
    PDF_FALLBACK_ENGINE = "W102"
    PDF_PAGES_WITHOUT_TEXT = "W103"
    HTML_DEEP_NESTING = "W121"
    PDF_TEXT_LAYER_UNUSABLE = "W104"
    PDF_PAGES_OCR = "W105"
    DOCX_READ_DIRECTLY = "W111"
    TABLE_SEQUENCE_GAP = "W201"
    TABLE_ROW_UNALIGNED = "W202"
    CHECK_RULE_FAILED = "W301"


MESSAGES: dict[Code, str] = {
    Code.FILE_NOT_FOUND: "file not found",
    Code.IS_DIRECTORY: "is a directory, not a file",
    Code.EMPTY_INPUT: "the input is empty",
    Code.BINARY_INPUT: "the input is a binary file, not a document",
    Code.UNDECODABLE: "the text could not be decoded as UTF-8, UTF-16 or GB18030",
    Code.UNSUPPORTED_FORMAT: "unsupported file format",
    Code.UNREADABLE: "the file could not be read",
    Code.TOO_LARGE: "the input is larger than the configured limit",
    Code.TOO_MANY_CHARS: "the document has more characters than the configured limit",
    Code.TOO_MANY_PAGES: "the PDF has more pages than the configured limit",
    Code.UNPACKED_TOO_LARGE: "the unpacked content is larger than the configured limit",
    Code.NOT_TEXT: "the input is not of the type the call takes, or not valid Unicode",
    Code.OUT_OF_MEMORY: "the document needed more memory than the process may use",
    Code.PDF_NO_TEXT: "the PDF has no text layer (scanned?): OCR is needed first",
    Code.PDF_ENCRYPTED: "the PDF is encrypted with a password",
    Code.PDF_CORRUPT: "the PDF is damaged and could not be read",
    Code.DOCX_CORRUPT: "the DOCX file is damaged and could not be read",
    Code.HTML_NO_BODY: "the HTML page has no readable body text",
    Code.SPAN_OUT_OF_RANGE: "a span does not fit the document text",
    Code.SCHEMA_INVALID: "the JSON does not match the document schema",
    Code.SCHEMA_INCOMPATIBLE: "the JSON was written by an incompatible schema version",
    Code.JSON_UNREADABLE: "the JSON file could not be read",
    Code.INTEGRITY: "the JSON breaks a rule of the contract that the schema cannot express",
    Code.BATCH_TIMEOUT: "the document took longer than the per-document timeout",
    Code.BATCH_WORKER_DIED: "the worker processing the document died",
    Code.BATCH_NO_INPUTS: "no input files were found",
    Code.BATCH_STAGE_FAILED: "a pipeline stage failed with an uncoded exception (a bug: please report it)",
    Code.BATCH_OUTPUT_CONFLICT: "the output path would leave the output folder",
    Code.BATCH_MEMORY: "the document needed more memory than the per-worker limit (--max-memory)",
    Code.BATCH_LOCKED: "another batch is writing to this output folder",
    Code.BAD_ARGUMENT: "bad argument",
    Code.OUTPUT_IS_INPUT: "the output would overwrite the input",
    Code.OUTPUT_EXISTS: "the output file exists and was not made from this input (use -o, or --force to replace it)",
    Code.OUTPUT_WRONG_KIND: "the output path is not a regular file (for a batch: not a folder)",
    Code.OUTPUT_UNWRITABLE: "the output could not be written",
    Code.BAD_REVIEW: "the review could not be recorded",
    Code.REVIEW_NO_CHECK: "no such check in the document's output",
    Code.ENCODING_GUESSED: "the encoding was guessed from the bytes",
    Code.CONTROL_CHARS_REMOVED: "control or zero-width characters were replaced",
    Code.HARD_WRAP_JOINED: "the text was hard-wrapped; its wrapped lines were re-joined (source.offset_map maps offsets back)",
    Code.SPACED_DIGITS_CLOSED: "spaced-out digits (2 0 0 5 年) were closed up (source.offset_map maps offsets back)",
    Code.PDF_UNMAPPED_GLYPHS: "some PDF glyphs have no Unicode mapping",
    Code.PDF_FALLBACK_ENGINE: "the PDF was read by the fallback engine",
    Code.PDF_PAGES_WITHOUT_TEXT: "some PDF pages have no text layer",
    Code.HTML_DEEP_NESTING: "the HTML nests deeper than the parser's limit: the deepest elements were flattened, their text kept",
    Code.PDF_TEXT_LAYER_UNUSABLE: "some PDF pages have a text layer without a Unicode mapping: their text is left out",
    Code.PDF_PAGES_OCR: "some PDF pages were read by OCR: check their figures against the page",
    Code.DOCX_READ_DIRECTLY: "python-docx refused the DOCX package; its XML was read directly",
    Code.TABLE_SEQUENCE_GAP: "table sequence numbers do not run 1..N",
    Code.TABLE_ROW_UNALIGNED: "a table row could not be aligned with the header",
    Code.CHECK_RULE_FAILED: "a check rule failed on this document and was skipped (a bug: please report it)",
}


class ExitCode(IntEnum):
    """What `gazette` returns, the same for every command (README, "Exit codes")."""

    OK = 0
    FINDINGS = 1  # the command ran and found something: an inconsistency (check --strict), a failed document (batch)
    USAGE = 2  # bad arguments or options (argparse, E4xx), a locked batch folder (E307)
    INPUT = 3  # an input could not be turned into a document (E0xx, E1xx)
    CONTRACT = 4  # a JSON that breaks the contract: unreadable, invalid, incompatible (E2xx)
    OUTPUT = 5  # the output cannot be written without destroying data, or at all (E5xx)
    INTERNAL = 70  # an uncoded exception: a bug, reported in one line (sysexits' EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)


class GazetteError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = ExitCode.USAGE

    def __init__(self, code: Code, detail: str = "", *, path: str | None = None) -> None:
        self.code = code
        self.detail = detail
        self.path = path
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.code.value} {where}{MESSAGES[self.code]}{extra}"


class InputError(GazetteError):
    """The input file cannot be turned into a document."""

    exit_code = ExitCode.INPUT


class PdfError(InputError):
    """A PDF that cannot be read (no text, encrypted, damaged)."""


class ContractError(GazetteError):
    """A document or JSON that breaks the contract (schema, spans)."""

    exit_code = ExitCode.CONTRACT


class OutputError(GazetteError):
    """The output cannot be written where asked without destroying data (or at all)."""

    exit_code = ExitCode.OUTPUT


class UsageError(GazetteError):
    """Bad command-line usage that argparse cannot catch."""

    exit_code = ExitCode.USAGE
