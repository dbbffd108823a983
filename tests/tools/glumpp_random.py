"""glumpp's RandomGenerator (include/glumpp/array/RandomGenerator.hpp) restated in Python,
so that oracles and glumpy runs can use the very numbers a port draws: xoshiro256**
seeded by four SplitMix64 outputs of the seed; uniform(low, high) = low + (high - low) * u,
u = (x >> 11) * 2^-53 (float64).

  sys.path.insert(0, "tests/tools"); from glumpp_random import uniform
  values = uniform(1, 0, 1, (64, 64))  # RandomGenerator(1).uniform(0, 1, {64, 64})
"""
import numpy as np

M64 = (1 << 64) - 1


def _splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return state, z ^ (z >> 31)


def _rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


def words(seed, count):
    """The first `count` 64-bit outputs of xoshiro256** seeded as glumpp seeds it."""
    s, state = [], seed
    for _ in range(4):
        state, word = _splitmix64(state)
        s.append(word)
    out = []
    for _ in range(count):
        out.append((_rotl((s[1] * 5) & M64, 7) * 9) & M64)
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
    return out


def uniform(seed, low, high, shape):
    """RandomGenerator(seed).uniform(low, high, shape): float64, the stream's first draws."""
    count = int(np.prod(shape))
    u = np.array([w >> 11 for w in words(seed, count)], dtype=np.float64) * 2.0**-53
    return (low + (high - low) * u).reshape(shape)
