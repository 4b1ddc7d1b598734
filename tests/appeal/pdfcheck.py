"""Reading back what the PDFs hold, with pypdf."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def fonts(reader: PdfReader) -> dict[str, dict]:
    found: dict[str, dict] = {}

    def visit(resources) -> None:
        if not resources:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            found[str(font.get("/BaseFont"))] = font
            for descendant in font.get("/DescendantFonts") or []:
                descendant = descendant.get_object()
                found[str(descendant.get("/BaseFont"))] = descendant
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return found


def embedded_truetype(font: dict) -> bool:
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def images(reader: PdfReader) -> list[dict]:
    found = []
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for xobject in xobjects.values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append(xobject)
    return found


def assert_title_only_metadata(path: Path, title_part: str) -> None:
    reader = PdfReader(path)
    assert set(reader.metadata or {}) == {"/Title"}, reader.metadata
    assert title_part in reader.metadata.title
    assert "/Metadata" not in reader.trailer["/Root"]
