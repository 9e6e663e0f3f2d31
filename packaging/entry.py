"""PyInstaller entry point of the ProofPair bundle: the same as the `proofpair` console script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the window compares in a child process (app.remote)
    sys.exit(main())
