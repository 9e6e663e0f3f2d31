"""One setting of the C allocator, for a window that holds a long report without stalling.

glibc serves a large block (a list of 300,000 items is 2.6 MB) from its own mapping, which
``realloc`` can grow without copying. But after the program frees a large block, glibc
raises that threshold to the freed size (up to 32 MB), and the window frees one with every
decoded edition and batch. From then on each growth of a long list is a fresh copy whose
pages the kernel faults in one by one: the lists that track the changes (several per view,
all as long as the review) grew at the same streamed piece and took 30 ms of one frame.
Fixing the threshold at glibc's default keeps large blocks mapped.

Linux with glibc only; elsewhere (or if the call is unavailable) nothing happens.
Imports: the standard library.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
THRESHOLD = 128 * 1024  # glibc's default; setting it also turns the dynamic raise off

_done = False


def keep_large_blocks_mapped() -> bool:
    """Fix glibc's mmap threshold (once per process); True when it was set."""
    global _done
    if _done or not sys.platform.startswith("linux"):
        return _done
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    _done = mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1
    return _done
