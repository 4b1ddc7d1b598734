"""Synthetic phone photos for the bundle benchmark: 4000×3000 JPEG, EXIF orientation 6.

A sheet of 'paper' with text-like strokes under uneven light, plus sensor noise, so the JPEGs
come out as large as a phone's (3-5 MB at quality 92) and the pipeline has real work to do.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

SIZE = (4000, 3000)  # as stored; upright it is 3000×4000


def make_photo(path: Path, seed: int, size: tuple[int, int] = SIZE, noise: float = 9.0,
               quality: int = 92) -> Path:
    rng = random.Random(seed)
    h, w = size  # drawn upright (portrait), stored turned
    size = (w, h)
    channels = []
    for angle in (0, 35 + seed % 20, 80):
        grad = Image.linear_gradient("L").rotate(angle, expand=False, fillcolor=128)
        channels.append(grad.resize(size, Image.Resampling.BILINEAR)
                        .point(lambda v: 70 + v // 3))
    img = Image.merge("RGB", channels)
    draw = ImageDraw.Draw(img)
    # The document: an off-white sheet, slightly tilted, with lines of 'text' and a red seal.
    x0, y0 = int(w * 0.12), int(h * 0.08)
    sheet = [(x0, y0), (w - x0, y0 + 40), (w - x0 - 30, h - y0), (x0 - 20, h - y0 - 40)]
    draw.polygon(sheet, fill=(236, 232, 222))
    y = y0 + 160
    while y < h - y0 - 200:
        x = x0 + 120
        while x < w - x0 - 300:
            word = rng.randint(40, 220)
            draw.rectangle((x, y, x + word, y + rng.randint(28, 40)), fill=(40, 40, 48))
            x += word + rng.randint(25, 60)
        y += rng.randint(70, 95)
    cx, cy = int(w * 0.68), int(h * 0.7)
    draw.ellipse((cx - 260, cy - 260, cx + 260, cy + 260), outline=(200, 30, 30), width=24)
    noise = Image.merge("RGB", [Image.effect_noise(size, noise) for _ in range(3)])
    img = ImageChops.add(img, noise, 1.0, -128)
    # Orientation 6 means "turn 90° clockwise to view": store it turned the other way.
    img = img.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6  # held upright, stored sideways: what most phones write
    exif[0x010F] = "SyntheticPhone"
    img.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    return path


def make_photos(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"photo_{i:02d}.jpg"
        if not path.exists():
            make_photo(path, seed=i)
        paths.append(path)
    return paths
