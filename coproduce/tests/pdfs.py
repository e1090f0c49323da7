"""Reading PDFs back in tests: their text in reading order, title, language and tagging."""

from io import BytesIO

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def pdf_reader(pdf: bytes) -> PdfReader:
    return PdfReader(BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """The text of every page, in the order it is read, with runs of white space made single spaces."""
    text = "\n".join(page.extract_text() or "" for page in pdf_reader(pdf).pages)
    return " ".join(text.split())


def pdf_title(pdf: bytes) -> str:
    metadata = pdf_reader(pdf).metadata
    return str(metadata.title) if metadata and metadata.title else ""


def catalog(pdf: bytes) -> DictionaryObject:
    root = pdf_reader(pdf).trailer["/Root"].get_object()
    if not isinstance(root, DictionaryObject):
        raise TypeError("The PDF has no document catalogue.")
    return root


def pdf_language(pdf: bytes) -> str:
    return str(catalog(pdf).get("/Lang", ""))


def pdf_is_tagged(pdf: bytes) -> bool:
    """True when the PDF has a structure tree and says it is tagged (what screen readers rely on)."""
    root = catalog(pdf)
    mark_info = root.get("/MarkInfo")
    marked = bool(mark_info and mark_info.get_object().get("/Marked"))
    return "/StructTreeRoot" in root and marked
