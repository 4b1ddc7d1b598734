"""Icons drawn from their SVG when Qt asks (app/ui/icons.py): every mode keeps the drawing's
shape, the Selected mode is one colour, sizes follow the screen's pixel ratio."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter

from app.ui.icons import icon, selectable_icon


def alpha_mask(image: QImage) -> list[int]:
    return [image.pixelColor(x, y).alpha() for y in range(image.height())
            for x in range(image.width())]


def test_the_selected_form_is_the_drawing_in_one_colour(qapp):
    white = QColor(255, 255, 255)
    item = selectable_icon("diagnose.svg", white, (24, 48))
    normal = item.pixmap(24, 24, QIcon.Mode.Normal).toImage()
    selected = item.pixmap(24, 24, QIcon.Mode.Selected).toImage()
    # Transparent where the drawing is (no square behind the icon on the selection colour)...
    assert alpha_mask(selected) == alpha_mask(normal)
    assert selected.pixelColor(0, 0).alpha() == 0
    # ...and only the one colour where it is drawn.
    drawn = {selected.pixelColor(x, y).rgb() for y in range(24) for x in range(24)
             if selected.pixelColor(x, y).alpha() == 255}
    assert drawn == {white.rgb()}
    assert len({normal.pixelColor(x, y).rgb() for y in range(24) for x in range(24)
                if normal.pixelColor(x, y).alpha() == 255} - {white.rgb()}) >= 1


def test_sizes_follow_the_pixel_ratio_and_every_mode_draws(qapp):
    item = selectable_icon("cases.svg", QColor(255, 255, 255), (24, 48))
    assert not item.isNull()
    assert item.availableSizes() == [QSize(24, 24), QSize(48, 48)]
    sharp = item.pixmap(QSize(24, 24), 2.0, QIcon.Mode.Normal)
    assert sharp.size() == QSize(48, 48) and sharp.devicePixelRatio() == 2.0
    for mode in QIcon.Mode:
        assert not item.pixmap(16, 16, mode).isNull()
    disabled = item.pixmap(24, 24, QIcon.Mode.Disabled).toImage()
    assert alpha_mask(disabled) != [0] * 24 * 24


def test_an_icon_paints_into_the_rectangle_it_is_given(qapp):
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    icon("app.svg").paint(painter, 8, 8, 24, 24)
    painter.end()
    drawn = [(x, y) for y in range(40) for x in range(40) if image.pixelColor(x, y).alpha()]
    assert drawn, "the icon draws nothing"
    assert all(8 <= x < 32 and 8 <= y < 32 for x, y in drawn)
