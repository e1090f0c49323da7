"""Accessible PDFs made by WeasyPrint from the same kind of HTML templates as the pages.

Every PDF is tagged (it carries a structure tree that screen readers use), has a document title taken
from the template's ``<title>`` and a language from ``<html lang>``. Templates extend
``pdf/base.html``, which sets both. Large print is a stylesheet switch, not a second template.

A PDF made for one person honours their display preferences (``preferences=``): larger text gives large
print, and more spacing, the plainer font and higher contrast are classes on ``<body>`` that
``pdf/pdf.css`` styles. Reduced motion means nothing on paper.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from coproduce.communications.preferences import Preferences

STYLESHEET = Path(__file__).resolve().parent / "templates" / "pdf" / "pdf.css"
# Body text size in points: standard print, and the large-print sizes people may choose.
STANDARD_POINTS = 12
LARGE_PRINT_POINTS = (16, 18, 20, 24)


def render_pdf(
    template_name: str,
    context: dict[str, Any] | None = None,
    *,
    points: int = STANDARD_POINTS,
    preferences: Preferences | None = None,
) -> bytes:
    """Render ``template_name`` (which extends ``pdf/base.html``) to a tagged PDF.

    ``points`` is the body text size: 12 for standard print, or one of LARGE_PRINT_POINTS.
    ``preferences`` are the display preferences of the person the PDF is for: larger text raises the
    size to large print (never lowers a larger size chosen by ``points``).
    """
    # Imported here, not at the top: WeasyPrint takes a second or two to import, and only the
    # requests that make a PDF should pay for it.
    from weasyprint import CSS, HTML

    if points != STANDARD_POINTS and points not in LARGE_PRINT_POINTS:
        raise ValueError(f"Unsupported text size {points}pt.")
    if preferences is not None:
        points = max(points, preferences.pdf_points)
    classes = [f"pdf-{key}" for key in (preferences.keys if preferences is not None else []) if key != "reduce-motion"]
    if points > STANDARD_POINTS:
        classes.insert(0, "large-print")
    html = render_to_string(template_name, {"points": points, "pdf_classes": " ".join(classes), **(context or {})})
    size = CSS(string=f":root {{ --body-size: {points}pt; }} body {{ font-size: {points}pt; }}")
    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    pdf = document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET)), size], pdf_tags=True)
    if pdf is None:  # write_pdf returns bytes when no target is given
        raise RuntimeError("WeasyPrint made no PDF.")
    return pdf


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    """A PDF download. ``filename`` must be plain ASCII with no quotes (we make it, never the user)."""
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
