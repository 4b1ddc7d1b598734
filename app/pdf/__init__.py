"""The one PDF layer: every PDF the app writes (appeal bundle, authorisation letter, audit and
scan reports) gets its CJK font, A4 geometry, styles, numbered pages, title-only metadata and
atomic write from here. ``renderer.PdfRenderer`` ties them together."""
