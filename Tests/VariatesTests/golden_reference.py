#!/usr/bin/env python3
"""Independent reference for Headroom's seed derivation and stream (docs/variates.md).

seed = SplitMix64-finalizer(FNV-1a-64(root as 8 LE bytes ++ UTF-8(name)));
state = first four SplitMix64 outputs from seed; generator = xoshiro256**.
Prints the values GoldenSequenceTests expects.
"""
import math

M = (1 << 64) - 1


def fnv1a(root, name):
    h = 0xCBF29CE484222325
    for i in range(8):
        h = ((h ^ ((root >> (8 * i)) & 0xFF)) * 0x100000001B3) & M
    for b in name.encode():
        h = ((h ^ b) * 0x100000001B3) & M
    return h


def splitmix(x):
    x = (x + 0x9E3779B97F4A7C15) & M
    z = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return x, z ^ (z >> 31)


def derive(root, name):
    return splitmix(fnv1a(root, name))[1]


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def stream(seed):
    s, x = [], seed
    for _ in range(4):
        x, out = splitmix(x)
        s.append(out)
    while True:
        r = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
        yield r


if __name__ == "__main__":
    print(hex(derive(42, "kafka/partition-3")), hex(derive(0, "")))
    g = stream(derive(42, "golden"))
    print([hex(next(g)) for _ in range(4)])
    e = stream(derive(7, "arrivals"))
    print(repr(-math.log(((next(e) >> 11) + 1) * 2.0 ** -53)))
