"""Render the app icon (resources/icons/app.svg) into every platform's icon files.

``python packaging/render_icons.py`` writes, from the one SVG:

- ``packaging/linux/icons/hicolor/<n>x<n>/apps/<app id>.png`` for the freedesktop icon theme,
  and the SVG itself under ``hicolor/scalable/apps/``;
- ``packaging/windows/wecom-appeal.ico`` (16–256 px);
- ``packaging/macos/wecom-appeal.icns`` (16–1024 px, written by Pillow).

``python packaging/render_icons.py --iconset DIR`` writes only the ``.iconset`` folder that
Apple's ``iconutil -c icns DIR`` turns into the ``.icns`` on a Mac (see packaging/README.md).

Qt's SVG renderer draws the PNGs, so the icons look as the window icon does in the app. Run it
again after changing the SVG and commit the results.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
APP_ID = "io.github.wecomappeal.WeComAppeal"
SOURCE = ROOT / "resources" / "icons" / "app.svg"
HICOLOR = PACKAGING / "linux" / "icons" / "hicolor"
ICO = PACKAGING / "windows" / "wecom-appeal.ico"
ICNS = PACKAGING / "macos" / "wecom-appeal.icns"

PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: bytes, size: int) -> bytes:
    """The SVG drawn at ``size``×``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError(f"{SOURCE} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def write_iconset(svg: bytes, folder: Path) -> None:
    """The file names and sizes ``iconutil`` expects: 16–512 pt at 1x and 2x."""
    folder.mkdir(parents=True, exist_ok=True)
    for points in (16, 32, 128, 256, 512):
        (folder / f"icon_{points}x{points}.png").write_bytes(render_png(svg, points))
        (folder / f"icon_{points}x{points}@2x.png").write_bytes(render_png(svg, points * 2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iconset", type=Path, metavar="DIR",
                        help="write only a macOS .iconset folder, for iconutil")
    args = parser.parse_args(argv)
    # Qt needs an application object for its renderer; no display is needed for that.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    svg = SOURCE.read_bytes()
    if args.iconset:
        write_iconset(svg, args.iconset)
        print(f"{args.iconset}: now run  iconutil -c icns {args.iconset} -o {ICNS}")
        return 0

    for size in PNG_SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render_png(svg, size))
    scalable = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)

    def image(size: int) -> Image.Image:
        return Image.open(io.BytesIO(render_png(svg, size))).convert("RGBA")

    # Pillow scales one image down for the smaller entries; give it each size drawn sharply.
    ICO.parent.mkdir(parents=True, exist_ok=True)
    largest = image(ICO_SIZES[-1])
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[image(s) for s in ICO_SIZES[:-1]])
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    image(1024).save(ICNS, format="ICNS",
                     append_images=[image(s) for s in (16, 32, 64, 128, 256, 512)])

    for path in (*map(png_path, PNG_SIZES), scalable, ICO, ICNS):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
