"""Draw the logo mark as PNG/ICO with Pillow (same geometry as logo.svg)."""
from pathlib import Path
from PIL import Image, ImageDraw

out = Path("/work/wt-face/src/trefpunt/static/img")

def draw(size: int, radius: bool = True) -> Image.Image:
    s = 8  # supersample
    n = size * s
    k = n / 64
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    mask = Image.new("L", (n, n), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, n - 1, n - 1], radius=int(14 * k) if radius else 0, fill=255)
    d = ImageDraw.Draw(img)
    P = lambda pts: [(x * k, y * k) for x, y in pts]
    d.polygon(P([(0, 0), (64, 0), (64, 64), (0, 64)]), fill="#0b5394")
    d.polygon(P([(32, 34), (64, 20), (64, 64), (26, 64)]), fill="#0f7b6c")
    d.polygon(P([(32, 34), (0, 45), (0, 64), (26, 64)]), fill="#e0a526")
    for end in [(32, 0), (64, 20), (0, 45), (26, 64)]:
        d.line(P([(32, 34), end]), fill="white", width=int(3 * k))
    d.ellipse(P([(24, 26), (40, 42)]), fill="white")
    d.ellipse(P([(28, 30), (36, 38)]), fill="#1b1f24")
    bg = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    bg.paste(img, (0, 0), mask)
    return bg.resize((size, size), Image.LANCZOS)

draw(32).save(out / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)], bitmap_format="png")
draw(256).save(out / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
draw(192).save(out / "icon-192.png")
draw(512).save(out / "icon-512.png")
draw(180, radius=False).save(out / "apple-touch-icon.png")
