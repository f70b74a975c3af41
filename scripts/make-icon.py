#!/usr/bin/env python3
"""Draws media/icon.png (the Marketplace icon, 128x128): a smooth curve and its quantized staircase.

Pure Python (zlib + struct), so it needs nothing beyond the standard library; run it again after changing it.
"""
import math
import struct
import zlib
from pathlib import Path

SIZE = 128
SCALE = 4  # supersampling for smooth edges
BACKGROUND = (30, 41, 59)
CURVE = (56, 189, 248)
STEPS = (251, 146, 60)


def inside_rounded_square(x: float, y: float, radius: float = 22) -> bool:
    cx = min(max(x, radius), SIZE - radius)
    cy = min(max(y, radius), SIZE - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def curve(x: float) -> float:
    """A sigmoid-like weight curve across the icon, in pixel coordinates."""
    t = (x - 16) / 96
    return 100 - 72 * (0.5 + 0.5 * math.tanh(4 * (t - 0.5)))


def staircase(x: float) -> float:
    """The curve quantized to 6 levels, sampled at 8 steps."""
    step = 96 / 8
    centre = 16 + (math.floor((x - 16) / step) + 0.5) * step
    level = 72 / 5
    return 28 + round((curve(centre) - 28) / level) * level


def colour_at(x: float, y: float) -> tuple:
    if not inside_rounded_square(x, y):
        return (0, 0, 0, 0)
    if 16 <= x <= 112:
        if abs(y - staircase(x)) <= 3.2 or (abs((x - 16) % 12) < 1.6 and min(staircase(x - 1.6), staircase(x + 1.6)) - 3 <= y <= max(staircase(x - 1.6), staircase(x + 1.6)) + 3):
            return STEPS + (255,)
        if abs(y - curve(x)) <= 2.6:
            return CURVE + (255,)
    return BACKGROUND + (255,)


def render() -> bytes:
    rows = []
    for py in range(SIZE):
        row = bytearray([0])
        for px in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SCALE):
                for sx in range(SCALE):
                    c = colour_at(px + (sx + 0.5) / SCALE, py + (sy + 0.5) / SCALE)
                    for i in range(4):
                        acc[i] += c[i]
            row.extend(round(v / SCALE**2) for v in acc)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "media" / "icon.png"
    out.write_bytes(render())
    print(f"wrote {out}")
